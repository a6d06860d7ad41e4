/// The two record formats the readers understand.
public enum InputFormat: String, Sendable {
  case csv
  case jsonl

  /// The format a file name's extension implies (`.csv`; `.jsonl` or `.ndjson`), any case.
  public static func from(path: String) -> InputFormat? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: ".") else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "csv": return .csv
    case "jsonl", "ndjson": return .jsonl
    default: return nil
    }
  }
}
