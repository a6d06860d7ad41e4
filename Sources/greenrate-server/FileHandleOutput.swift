import Foundation

/// One line to standard error.
enum FileHandleOutput {
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
