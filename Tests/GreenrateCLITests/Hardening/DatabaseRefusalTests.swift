import Foundation
import GreenrateEngine
import GreenrateStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `--db` must be a real file (item 5); reading commands write nothing and refuse a
/// database that is not greenrate's (item 6).
@Suite struct DatabaseRefusalTests {
  @Test(arguments: ["", ":memory:", "file:ratings?mode=memory", "file::memory:"])
  func aDatabaseThatIsNotAFileIsRefused(path: String) throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 10)
    let outcome = try CLIProcess.run(
      ["batch", Hardening.miniRules, input, "--db", path], in: w.folder)
    #expect(outcome.status == 64, "\(outcome)")
    #expect(outcome.stderr.contains("--db:"), "\(outcome)")
    #expect(outcome.stdout.isEmpty, "\(outcome)")
    for command in [["runs"], ["explain", "M1"], ["rescore", "M1"]] {
      let other = try CLIProcess.run(command + ["--db", path], in: w.folder)
      #expect(other.status == 64, "\(command) \(other)")
    }
    #expect(throws: SQLiteError.self) { _ = try Database(path: path) }
  }

  @Test func aFileNamedLikeAURIIsTakenWithDotSlash() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 10)
    let outcome = try CLIProcess.run(
      ["batch", Hardening.miniRules, input, "--db", "./file:ratings"], in: w.folder)
    #expect(outcome.status == 0, "\(outcome)")
    #expect(FileManager.default.fileExists(atPath: w.path("file:ratings")))
  }

  /// An SQLite file of some other application, in rollback-journal mode.
  func foreignDatabase(_ w: RescoreWorkspace) throws -> String {
    let path = w.path("other.sqlite")
    let db = try Database(path: path)
    try db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    return path
  }

  func schema(_ path: String) throws -> [String] {
    let db = try Database(path: path, readOnly: true)
    let s = try db.prepare("SELECT name FROM sqlite_master ORDER BY name")
    var names: [String] = []
    while try s.step() { names.append(s.text(0) ?? "") }
    let mode = try db.prepare("PRAGMA journal_mode")
    _ = try mode.step()
    return names + ["journal=" + (mode.text(0) ?? "")]
  }

  @Test func readingAndRescoringCommandsLeaveAForeignDatabaseAlone() throws {
    let w = try RescoreWorkspace()
    let path = try foreignDatabase(w)
    let before = try schema(path)
    for command in [["runs"], ["explain", "M1"], ["rescore", "M1"]] {
      let outcome = try CLIProcess.run(command + ["--db", path])
      #expect(outcome.status == 1, "\(command) \(outcome)")
      #expect(outcome.stderr.contains("is not a greenrate database"), "\(command) \(outcome)")
      #expect(try schema(path) == before, "\(command) changed the file")
    }
    let batch = try CLIProcess.run([
      "batch", Hardening.miniRules, try Hardening.miniCSV(w, count: 10), "--db", path,
    ])
    #expect(batch.status == 1 && batch.stderr.contains("is not a greenrate database"), "\(batch)")
    #expect(try schema(path) == before)
  }

  @Test func anEmptyFileIsNotADatabaseToRead() throws {
    let w = try RescoreWorkspace()
    let path = w.path("empty.sqlite")
    FileManager.default.createFile(atPath: path, contents: nil)
    for command in [["runs"], ["rescore", "M1"]] {
      let outcome = try CLIProcess.run(command + ["--db", path])
      #expect(outcome.status == 1, "\(outcome)")
      #expect(outcome.stderr.contains("holds no tables"), "\(outcome)")
    }
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
  }

  /// `runs` and `explain` in a folder this user cannot write (as `nobody` when the
  /// tests run as root, since root writes anywhere).
  @Test func readingCommandsWorkInAReadOnlyFolder() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 100)
    try w.batch(rules: Hardening.miniRules, input: input)
    #expect(chmod(w.folder.path, 0o555) == 0)
    defer { chmod(w.folder.path, 0o755) }
    let asNobody = geteuid() == 0
    if asNobody {
      // `nobody` must reach the folder and the binary.
      #expect(chmod(w.database, 0o644) == 0)
    }
    func run(_ arguments: [String]) throws -> CLIProcess.Outcome {
      guard asNobody else { return try CLIProcess.run(arguments) }
      return try OutputFailureTests.shell(
        "setpriv --reuid=65534 --regid=65534 --clear-groups \(OutputFailureTests.greenrate) "
          + arguments.map { "'\($0)'" }.joined(separator: " "))
    }
    let runs = try run(["runs", "--db", w.database])
    #expect(runs.status == 0, "\(runs)")
    #expect(runs.stdout.contains("completed"), "\(runs)")
    let explain = try run(["explain", "M1000000", "--db", w.database])
    #expect(explain.status == 0, "\(explain)")
    #expect(!FileManager.default.fileExists(atPath: w.database + "-shm"))
  }
}
