import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `--resume` carries on only the run it can carry on exactly: the same bytes (item 3),
/// the run's own settings (item 8); and an input cut short while read stops the run
/// resumably instead of "completing" it (item 4).
@Suite(.serialized)
struct BatchResumeCheckTests {
  func arguments(_ w: RescoreWorkspace, _ input: String) -> [String] {
    [
      "batch", Hardening.miniRules, input, "--db", w.database, "--jobs", "1", "--as-of",
      "2026-11-01",
    ]
  }

  /// Starts a batch, kills it (SIGKILL) after its first commit.
  func killedRun(_ w: RescoreWorkspace, _ input: String, extra: [String] = []) throws {
    let child = try CLIProcess.Child(arguments(w, input) + extra)
    try #require(Hardening.wait { Hardening.hasCommitted(w) })
    Hardening.signal(child, SIGKILL)
    _ = try child.wait()
    try #require(Hardening.runValue(w, "status") == "running")
  }

  @Test func resumeRefusesAnInputEditedToTheSameSize() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 40_000)
    try killedRun(w, input)
    let original = try Data(contentsOf: URL(fileURLWithPath: input))
    // Line 2 `M1000000,0,100000,ISO14001` becomes `M1000000,0,1000000,ISO1400`: same
    // size, a record boundary elsewhere than the run saw.
    var text = String(decoding: original, as: UTF8.self)
    let range = try #require(text.range(of: "M1000000,0,100000,ISO14001\n"))
    text.replaceSubrange(range, with: "M1000000,0,1000000,ISO1400\n")
    try Data(text.utf8).write(to: URL(fileURLWithPath: input))
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)).count == original.count)

    let refused = try CLIProcess.run(arguments(w, input) + ["--resume"])
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.stderr.contains("changed since"), "\(refused)")
    #expect(Hardening.runValue(w, "status") == "running")

    try original.write(to: URL(fileURLWithPath: input))
    let resumed = try CLIProcess.run(arguments(w, input) + ["--resume"])
    #expect(resumed.status == 0, "\(resumed)")
    #expect(Hardening.runValue(w, "records_read") == "40000")
  }

  @Test func resumeKeepsTheRunsMaxRejectsAndFormat() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 40_000)
    try killedRun(w, input, extra: ["--max-rejects", "100000"])
    let other = try CLIProcess.run(arguments(w, input) + ["--resume", "--max-rejects", "5"])
    #expect(other.status == 1, "\(other)")
    #expect(
      other.stderr.contains("it runs with --max-rejects 100000, not --max-rejects 5"), "\(other)")
    #expect(Hardening.runValue(w, "status") == "running", "the run must not be failed by it")
    let share = try CLIProcess.run(arguments(w, input) + ["--resume", "--max-rejects", "5%"])
    #expect(share.status == 1 && share.stderr.contains("not --max-rejects 5%"), "\(share)")
    let format = try CLIProcess.run(arguments(w, input) + ["--resume", "--format", "jsonl"])
    #expect(format.status == 1 && format.stderr.contains("not jsonl"), "\(format)")
    let same = try CLIProcess.run(arguments(w, input) + ["--resume", "--max-rejects", "100000"])
    #expect(same.status == 0, "\(same)")
    #expect(Hardening.runValue(w, "status") == "completed")
  }

  @Test func resumeKeepsAPercentageLimit() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 40_000)
    try killedRun(w, input, extra: ["--max-rejects", "10%"])
    let other = try CLIProcess.run(arguments(w, input) + ["--resume", "--max-rejects", "50%"])
    #expect(other.status == 1, "\(other)")
    #expect(other.stderr.contains("it runs with --max-rejects 10%"), "\(other)")
    // 1 in 7 records is rejected (14%): the run's own 10% fails it at the end.
    let resumed = try CLIProcess.run(arguments(w, input) + ["--resume"])
    #expect(resumed.status == 1, "\(resumed)")
    #expect(Hardening.runValue(w, "status") == "failed")
    #expect(Hardening.runValue(w, "failure")?.contains("more than 10% of the records") == true)
  }

  @Test func anInputCutShortWhileReadStopsTheRunResumably() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 150_000)
    let original = try Data(contentsOf: URL(fileURLWithPath: input))
    let child = try CLIProcess.Child(arguments(w, input))
    // The run row is written after the reader opened the file: cut it then.
    try #require(Hardening.wait { Hardening.runValue(w, "status") != nil })
    #expect(truncate(input, off_t(original.count / 2)) == 0)
    let cut = try child.wait()
    #expect(cut.status == 1, "\(cut)")
    #expect(cut.stderr.contains("shrank while being read"), "\(cut)")
    #expect(cut.stderr.contains("--resume 1"), "\(cut)")
    #expect(Hardening.runValue(w, "status") == "running", "resumable, not completed")
    let read = Int(Hardening.runValue(w, "records_read") ?? "") ?? -1
    #expect(read < 150_000)
    #expect(
      try w.count("SELECT count(*) FROM ratings")
        == Int(Hardening.runValue(w, "records_scored") ?? "") ?? -1)

    try original.write(to: URL(fileURLWithPath: input))
    let resumed = try CLIProcess.run(arguments(w, input) + ["--resume"])
    #expect(resumed.status == 0, "\(resumed)")
    #expect(Hardening.runValue(w, "records_read") == "150000")
    #expect(
      try w.count("SELECT count(*) FROM rejects") == (0..<150_000).filter { $0 % 7 == 6 }.count)
  }
}
