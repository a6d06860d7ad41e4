/// The file format of an export.
package enum ExportFormat: String, Sendable, CaseIterable {
  /// A header row, then one row per merchant; lists joined with `;`.
  case csv
  /// One JSON object per merchant, shaped like `greenrate score` prints a result.
  case jsonl
}
