#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The store's few operating-system calls, in one place (the engine's are in `System`,
/// the readers' in `ReaderSystem`; the store is a target of its own and sees neither).
enum StoreSystem {
  /// The current working directory, or nil.
  static func currentDirectory() -> String? {
    guard let path = getcwd(nil, 0) else { return nil }
    defer { free(path) }
    return String(cString: path)
  }

  /// Whether a file exists at `path`.
  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Whether `path` is a regular file holding at least one byte.
  static func hasContent(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_size > 0
  }

  /// Why `path` cannot be a database file, when that is plain before SQLite tries: it
  /// is a folder, or the folders above it cannot be searched. Nil otherwise (a missing
  /// file is not a problem here: a batch creates it).
  static func fileProblem(_ path: String) -> String? {
    var info = stat()
    if stat(path, &info) == 0 {
      return info.st_mode & S_IFMT == S_IFDIR ? "`\(path)` is a folder, not a database file" : nil
    }
    let reason = errno
    guard reason != ENOENT else { return nil }
    return "cannot reach `\(path)`: \(String(cString: strerror(reason)))"
  }

  /// Why a database cannot be created at `path` when it does not exist yet: its folder
  /// is missing or not writable. Nil when it exists or its folder is writable.
  static func creationProblem(_ path: String) -> String? {
    guard !exists(path) else { return nil }
    let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
    let folder = slash.map { $0 == path.utf8.startIndex ? "/" : String(path[..<$0]) } ?? "."
    guard access(folder, W_OK | X_OK) != 0 else { return nil }
    return "cannot create `\(path)`: \(String(cString: strerror(errno))) (the folder `\(folder)`)"
  }

  /// The text of an errno value.
  static func errorText(_ number: Int32) -> String { String(cString: strerror(number)) }
}
