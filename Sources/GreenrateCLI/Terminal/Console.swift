import GreenrateEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and standard error, written as whole lines with `write(2)`.
///
/// A write that fails (a full disk behind `>`, a closed descriptor) ends the command
/// with one line on standard error and exit 1: the output it was asked for cannot be
/// given, so it must not look like success. A closed pipe (`| head`) still ends the
/// process by SIGPIPE, silently, as every Unix filter does; nothing here catches it.
enum Console {
  /// Writes one error or note line to standard error. If standard error itself cannot
  /// be written, there is nowhere left to say so: the command exits 1.
  static func error(_ text: String, terminator: String = "\n") {
    if System.writeAll(2, Array((text + terminator).utf8)) != nil { exit(1) }
  }

  /// Writes a line to standard error and ignores failure: for progress notes that must
  /// not stop a batch half-way (the summary and exit code still tell the outcome).
  static func note(_ text: String) {
    _ = System.writeAll(2, Array((text + "\n").utf8))
  }

  /// Writes to standard output. `done`, when given, says what the command did all the
  /// same (a run stored, say), for the error line if standard output fails.
  static func write(_ bytes: [UInt8], done: String? = nil) {
    if let failure = System.writeAll(1, bytes) { failOutput(failure, done: done) }
  }

  static func line(_ text: String, done: String? = nil) {
    write(Array((text + "\n").utf8), done: done)
  }

  /// The line for a standard output that cannot be written.
  static func outputFailure(_ errorNumber: Int32, done: String? = nil) -> String {
    "error: cannot write to standard output: \(System.errorText(errorNumber))"
      + (done.map { " (\($0))" } ?? "")
  }

  /// Standard output failed: one line on standard error, exit 1.
  private static func failOutput(_ errorNumber: Int32, done: String?) -> Never {
    _ = System.writeAll(2, Array((outputFailure(errorNumber, done: done) + "\n").utf8))
    exit(1)
  }
}
