extension Database {
  /// Why `path` is not a database file path, or nil when it is one.
  ///
  /// SQLite reads some names as something other than a file: `""` is a private
  /// temporary database, `:memory:` one in memory, and (with URI names, on in Debian's
  /// build) `file:…` a URI that may say `mode=memory`. A run written there vanishes
  /// when the process ends while the command reports success, so they are refused.
  package static func pathProblem(_ path: String) -> String? {
    if path.isEmpty { return "the database path is empty: give a file path" }
    if path == ":memory:" {
      return "`:memory:` is an in-memory database that vanishes on exit: give a file path"
    }
    if path.hasPrefix("file:") {
      return "`\(path)` is read by SQLite as a URI, not a file: give a plain file path "
        + "(./\(path) for a file of that name)"
    }
    return nil
  }

  /// `file:/abs/path?immutable=1`, the path percent-encoded as a URI needs.
  static func immutableURI(_ path: String) -> String {
    var absolute = path
    if !path.hasPrefix("/"), let cwd = StoreSystem.currentDirectory() {
      absolute = cwd + "/" + path
    }
    var out = "file:"
    for byte in absolute.utf8 {
      let plain =
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        || "/-._~".utf8.contains(byte)
      if plain {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out + "?immutable=1"
  }
}
