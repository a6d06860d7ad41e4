import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A run is carried on by one process at a time (issue 12, item 2).
@Suite(.serialized)
struct BatchOwnershipTests {
  static let count = 60_000
  static var rejects: Int { (0..<count).filter { $0 % 7 == 6 }.count }

  func arguments(_ w: RescoreWorkspace, _ input: String) -> [String] {
    [
      "batch", Hardening.miniRules, input, "--db", w.database, "--jobs", "1", "--as-of",
      "2026-11-01",
    ]
  }

  @Test func twoResumesAtOnceOneIsRefusedAndNothingIsStoredTwice() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: BatchOwnershipTests.count)
    let first = try CLIProcess.Child(arguments(w, input))
    try #require(Hardening.wait { Hardening.hasCommitted(w) })
    Hardening.signal(first, SIGKILL)
    _ = try first.wait()
    try #require(Hardening.runValue(w, "status") == "running")

    let a = try CLIProcess.Child(arguments(w, input) + ["--resume", "1"])
    let b = try CLIProcess.Child(arguments(w, input) + ["--resume"])
    let outcomes = [try a.wait(), try b.wait()].sorted { $0.status < $1.status }
    #expect(outcomes.map(\.status) == [0, 1], "\(outcomes)")
    #expect(
      outcomes[1].stderr.contains("another greenrate process is running it now"), "\(outcomes[1])")
    #expect(Hardening.runValue(w, "status") == "completed")
    #expect(Hardening.runValue(w, "records_read") == String(BatchOwnershipTests.count))
    #expect(try w.count("SELECT count(*) FROM rejects") == BatchOwnershipTests.rejects)
    #expect(try w.count("SELECT count(DISTINCT line) FROM rejects") == BatchOwnershipTests.rejects)
  }

  @Test func resumeWhileTheRunIsStillAliveIsRefused() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: BatchOwnershipTests.count)
    let original = try CLIProcess.Child(arguments(w, input))
    try #require(Hardening.wait { Hardening.hasCommitted(w) })
    let second = try CLIProcess.run(arguments(w, input) + ["--resume"])
    let first = try original.wait()
    #expect(second.status == 1, "\(second)")
    #expect(second.stderr.contains("cannot resume run 1: another greenrate process"), "\(second)")
    #expect(first.status == 0, "\(first)")
    #expect(try w.count("SELECT count(*) FROM rejects") == BatchOwnershipTests.rejects)
  }

  @Test func abandonIsRefusedWhileTheRunIsAlive() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: BatchOwnershipTests.count)
    let original = try CLIProcess.Child(arguments(w, input))
    try #require(Hardening.wait { Hardening.runValue(w, "status") != nil })
    let abandon = try CLIProcess.run(["batch", "--abandon", "1", "--db", w.database])
    let first = try original.wait()
    #expect(abandon.status == 1, "\(abandon)")
    #expect(abandon.stderr.contains("another greenrate process"), "\(abandon)")
    #expect(first.status == 0 && Hardening.runValue(w, "status") == "completed", "\(first)")
  }
}

extension BatchOwnershipTests {
  /// `runs` flags a batch run marked running whose process is gone (issue 13, item 7),
  /// and not one whose process is alive.
  @Test func runsFlagsARunningRunWhoseProcessIsGone() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: BatchOwnershipTests.count)
    let original = try CLIProcess.Child(arguments(w, input))
    try #require(Hardening.wait { Hardening.hasCommitted(w) })
    let alive = try CLIProcess.run(["runs", "--db", w.database])
    Hardening.signal(original, SIGKILL)
    _ = try original.wait()
    let killed = try CLIProcess.run(["runs", "--db", w.database])
    #expect(alive.status == 0 && !alive.stdout.contains("stale"), "\(alive)")
    #expect(killed.status == 0, "\(killed)")
    #expect(killed.stdout.contains("running (stale)"), "\(killed)")
    #expect(
      killed.stdout.contains("note: run 1 is marked running but no process is running it"),
      "\(killed)")
  }
}
