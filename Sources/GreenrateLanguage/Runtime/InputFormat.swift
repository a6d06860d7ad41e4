/// The two record formats: the ones the readers understand and the generator writes.
/// In the language target because both the readers and the generator use it and the
/// generator does not depend on the readers.
package enum InputFormat: String, Sendable, CaseIterable {
  case csv
  case jsonl

  /// The format a file name's extension implies (`.csv`; `.jsonl` or `.ndjson`), any case.
  package static func from(path: String) -> InputFormat? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: ".") else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "csv": return .csv
    case "jsonl", "ndjson": return .jsonl
    default: return nil
    }
  }
}
