import Foundation
import Testing

/// A reader that went away (`| head` with SIGPIPE ignored, as under some supervisors and
/// in programs that ignore it for their children) gives every command that writes to
/// standard output the same end: one `error:` line on standard error and exit 1, never
/// the argument parser's "Error: …" (which `generate` printed) nor a crash.
@Suite struct ClosedPipeTests {
  /// Runs `greenrate ARGUMENTS` with SIGPIPE ignored and standard output a pipe whose
  /// reading end is closed before the process starts, so its first write fails (EPIPE).
  /// `folder` is the working folder: `report` writes its page there before it prints.
  static func runIntoClosedPipe(_ arguments: [String], in folder: URL? = nil) throws
    -> CLIProcess.Outcome
  {
    let process = Process()
    if let folder { process.currentDirectoryURL = folder }
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["--ignore-signal=PIPE", CLIProcess.binary.path] + arguments
    let out = Pipe()
    try out.fileHandleForReading.close()
    let err = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    try out.fileHandleForWriting.close()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIProcess.Outcome(
      status: process.terminationStatus, stdout: "",
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  static let brokenPipe = "error: cannot write to standard output: Broken pipe"

  @Test func everyCommandThatWritesOutputEndsInOneLine() throws {
    let w = try RescoreWorkspace()
    let rules = Hardening.miniRules
    let input = try Hardening.miniCSV(w, count: 300)
    try w.batch(rules: rules, input: input, asOf: "2026-10-01")
    try w.batch(rules: rules, input: input, asOf: "2026-11-01")
    let db = w.database
    let commands: [[String]] = [
      ["generate", "--count", "2000"],
      ["generate", "--count", "10", "--format", "jsonl"],
      ["export", "--db", db, "--run", "1"],
      ["export", "--db", db, "--current", "--format", "jsonl"],
      ["runs", "--db", db],
      ["runs", "--db", db, "--json"],
      ["explain", "--db", db, "M1000000"],
      ["explain", "--db", db, "M1000000", "--json"],
      ["drift", "--db", db],
      ["drift", "--db", db, "--json"],
      ["compare", rules, rules, "--input", input],
      ["compare", rules, "--db", db, "--json"],
      ["report", "--db", db],
      ["score", rules, "--input", input],
      ["check", rules],
      ["fmt", rules],
      ["--help"],
    ]
    for command in commands {
      let outcome = try Self.runIntoClosedPipe(command, in: w.folder)
      #expect(outcome.status == 1, "\(command): \(outcome)")
      #expect(outcome.stderr == Self.brokenPipe + "\n", "\(command): \(outcome)")
    }
  }

  @Test func aBatchOrRescoreSaysWhatItStoredAllTheSame() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 50)
    let batch = try Self.runIntoClosedPipe([
      "batch", Hardening.miniRules, input, "--db", w.database, "--as-of", "2026-11-01",
    ])
    #expect(batch.status == 1, "\(batch)")
    #expect(
      batch.stderr.hasSuffix(
        "\(Self.brokenPipe) (run 1 is completed all the same: `greenrate runs` shows it)\n"),
      "\(batch)")
    #expect(Hardening.runValue(w, "status") == "completed")
    let rescore = try Self.runIntoClosedPipe([
      "rescore", "--db", w.database, "--rules", Hardening.miniRules, "M1000000",
    ])
    #expect(rescore.status == 1, "\(rescore)")
    #expect(
      rescore.stderr == "\(Self.brokenPipe) (the rescore of M1000000 is stored all the same)\n",
      "\(rescore)")
  }
}
