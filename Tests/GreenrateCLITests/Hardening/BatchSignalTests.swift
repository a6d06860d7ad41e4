import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT/SIGTERM stop a batch at a chunk boundary with a word on how to resume (item
/// 11); a run that read a pipe promises no resume and can be abandoned (item 10).
@Suite(.serialized)
struct BatchSignalTests {
  func arguments(_ w: RescoreWorkspace, _ input: String) -> [String] {
    [
      "batch", Hardening.miniRules, input, "--db", w.database, "--jobs", "1", "--as-of",
      "2026-11-01",
    ]
  }

  @Test(arguments: [(SIGTERM, 143, "SIGTERM"), (SIGINT, 130, "SIGINT")])
  func aSignalStopsAtAChunkBoundaryAndSaysHowToResume(
    signal: Int32, code: Int32, name: String
  ) throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 60_000)
    let child = try CLIProcess.Child(arguments(w, input))
    try #require(Hardening.wait { Hardening.hasCommitted(w) })
    Hardening.signal(child, signal)
    let stopped = try child.wait()
    #expect(stopped.status == code, "\(stopped)")
    let hints = stopped.stderr.split(separator: "\n").filter { $0.contains("--resume 1") }
    #expect(hints.count == 1, "\(stopped)")
    #expect(hints.first?.contains("interrupted by \(name)") == true, "\(stopped)")
    #expect(Hardening.runValue(w, "status") == "running")
    #expect(
      try w.query("SELECT stop_reason FROM batch_state WHERE run_id = 1")
        == [["interrupted by \(name)"]])
    // What was committed is whole: the counters match the rows.
    #expect(
      try w.count("SELECT count(*) FROM ratings")
        == Int(Hardening.runValue(w, "records_scored") ?? "") ?? -1)
    #expect(
      try w.count("SELECT count(*) FROM rejects")
        == Int(Hardening.runValue(w, "records_rejected") ?? "") ?? -1)
    let runs = try CLIProcess.run(["runs", "--db", w.database, "--json"])
    #expect(runs.stdout.contains("\"stop_reason\":\"interrupted by \(name)\""), "\(runs)")
    if signal == SIGTERM {
      let resumed = try CLIProcess.run(arguments(w, input) + ["--resume"])
      #expect(resumed.status == 0, "\(resumed)")
      #expect(resumed.stderr.contains("it stopped: interrupted by SIGTERM"), "\(resumed)")
      #expect(Hardening.runValue(w, "records_read") == "60000")
      #expect(
        try w.count("SELECT count(*) FROM rejects") == (0..<60_000).filter { $0 % 7 == 6 }.count)
    }
  }

  /// A FIFO fed by this test: opened for writing on a thread (the open waits for the
  /// batch), fed `text`, then held open until `close()` so the batch waits for more.
  final class Feeder: @unchecked Sendable {
    let path: String
    private var fd: Int32 = -1
    private let done = DispatchSemaphore(value: 0)

    init(path: String, text: String) {
      self.path = path
      mkfifo(path, 0o600)
      Thread.detachNewThread { [self] in
        fd = open(path, O_WRONLY)
        let bytes = Array(text.utf8)
        var offset = 0
        while fd >= 0 && offset < bytes.count {
          let n = bytes[offset...].withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
          if n <= 0 { break }
          offset += n
        }
        done.signal()
      }
    }

    /// Waits until everything was written.
    func waitWritten() -> Bool { done.wait(timeout: .now() + 60) == .success }

    func close() { if fd >= 0 { Glibc.close(fd) } }
  }

  static func miniText(count: Int) -> String {
    var text = "id,kwh,revenue,certs\n"
    for i in 0..<count { text += "M\(1_000_000 + i),\(i % 5000),\(100_000 + i),\n" }
    return text
  }

  @Test func aSignalledRunFromAPipeIsFailedNotPromisedAResume() throws {
    let w = try RescoreWorkspace()
    let feeder = Feeder(path: w.path("feed.csv"), text: BatchSignalTests.miniText(count: 100_000))
    let child = try CLIProcess.Child(arguments(w, feeder.path))
    try #require(feeder.waitWritten())
    try #require(Hardening.wait { Hardening.hasCommitted(w) })
    Hardening.signal(child, SIGTERM)
    let stopped = try child.wait()
    feeder.close()
    #expect(stopped.status == 143, "\(stopped)")
    #expect(!stopped.stderr.contains("--resume"), "\(stopped)")
    #expect(Hardening.runValue(w, "status") == "failed")
    #expect(Hardening.runValue(w, "failure")?.contains("cannot be read again") == true)
  }

  @Test func aKilledRunFromAPipeIsNotResumableAndCanBeAbandoned() throws {
    let w = try RescoreWorkspace()
    let feeder = Feeder(path: w.path("feed.csv"), text: BatchSignalTests.miniText(count: 100_000))
    let child = try CLIProcess.Child(arguments(w, feeder.path))
    try #require(feeder.waitWritten())
    try #require(Hardening.wait { Hardening.hasCommitted(w) })
    Hardening.signal(child, SIGKILL)
    _ = try child.wait()
    feeder.close()
    #expect(Hardening.runValue(w, "status") == "running")

    let resume = try Hardening.run(arguments(w, feeder.path) + ["--resume"])
    #expect(resume.status == 1, "\(resume)")
    #expect(resume.stderr.contains("cannot be read again"), "\(resume)")
    #expect(resume.stderr.contains("--abandon 1"), "\(resume)")

    let abandon = try CLIProcess.run([
      "batch", "--abandon", "1", "--db", w.database, "--reason", "the feed is gone",
    ])
    #expect(abandon.status == 0, "\(abandon)")
    #expect(Hardening.runValue(w, "status") == "failed")
    #expect(Hardening.runValue(w, "failure") == "abandoned: the feed is gone")
    #expect(Hardening.runValue(w, "finished_at") != nil)
    let again = try CLIProcess.run(["batch", "--abandon", "1", "--db", w.database])
    #expect(again.status == 1 && again.stderr.contains("already failed"), "\(again)")
  }
}
