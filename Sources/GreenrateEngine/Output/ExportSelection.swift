/// Which ratings `greenrate export` writes.
package enum ExportSelection: Sendable, Equatable {
  /// Every rating of one run, in the order the run stored them (input order).
  case run(Int64)
  /// Each merchant's current rating: the `current_ratings` view.
  case current
}

/// The file format of an export.
package enum ExportFormat: String, Sendable, CaseIterable {
  /// A header row, then one row per merchant; lists joined with `;`.
  case csv
  /// One JSON object per merchant, shaped like `greenrate score` prints a result.
  case jsonl
}
