import Foundation
import GreenrateTestSupport
import Testing

/// A full or closed standard output is reported in one line with exit 1; a closed
/// pipe still ends the process quietly by SIGPIPE (item 12).
@Suite struct OutputFailureTests {
  /// Runs a shell command line (for redirections a `Process` cannot express).
  static func shell(_ script: String) throws -> CLIProcess.Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIProcess.Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  static var greenrate: String { "'\(CLIProcess.binary.path)'" }
  static var rules: String { "'\(Hardening.miniRules)'" }

  @Test(arguments: [
    ("check", "No space left on device"), ("--help", "No space left on device"),
  ])
  func aFullStandardOutputIsOneLineAndExit1(command: String, message: String) throws {
    let arguments = command == "check" ? "check \(OutputFailureTests.rules)" : command
    let outcome = try OutputFailureTests.shell(
      "\(OutputFailureTests.greenrate) \(arguments) > /dev/full")
    #expect(outcome.status == 1, "\(outcome)")
    #expect(
      outcome.stderr == "error: cannot write to standard output: \(message)\n", "\(outcome)")
  }

  @Test func aClosedStandardOutputIsOneLineAndExit1() throws {
    let outcome = try OutputFailureTests.shell(
      "\(OutputFailureTests.greenrate) check \(OutputFailureTests.rules) >&-")
    #expect(outcome.status == 1, "\(outcome)")
    #expect(
      outcome.stderr == "error: cannot write to standard output: Bad file descriptor\n",
      "\(outcome)")
  }

  @Test func aClosedPipeStillEndsQuietlyBySIGPIPE() throws {
    // As from a terminal's shell: SIGPIPE at its default. The test process may have it
    // ignored (some code in it ignores SIGPIPE), and an ignored signal is inherited by
    // bash and cannot be reset there, which made this test fail now and then.
    let outcome = try OutputFailureTests.shell(
      "env --default-signal=PIPE \(OutputFailureTests.greenrate) generate --count 200000 --seed 1 "
        + "| head -c 100 > /dev/null; "
        + "echo \"${PIPESTATUS[0]}\"")
    #expect(outcome.stdout == "141\n", "\(outcome)")
    #expect(outcome.stderr == "", "\(outcome)")
  }

  @Test func aBatchSummaryToAFullOutputExits1AndTheRunIsStillComplete() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 100)
    let outcome = try OutputFailureTests.shell(
      "\(OutputFailureTests.greenrate) batch \(OutputFailureTests.rules) '\(input)' --db "
        + "'\(w.database)' > /dev/full")
    #expect(outcome.status == 1, "\(outcome)")
    #expect(
      outcome.stderr.hasSuffix(
        "error: cannot write to standard output: No space left on device "
          + "(run 1 is completed all the same: `greenrate runs` shows it)\n"), "\(outcome)")
    #expect(Hardening.runValue(w, "status") == "completed")
  }
}
