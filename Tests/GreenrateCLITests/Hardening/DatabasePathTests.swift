import Foundation
import Testing

/// `--db` pointing somewhere a database cannot be: the error says what is wrong with the
/// path. A folder was reported as "no database at …" (readers) or SQLite's "unable to
/// open database file" (batch), and a missing folder as that same SQLite line.
@Suite struct DatabasePathTests {
  @Test func aFolderIsNamedAsAFolder() throws {
    let w = try RescoreWorkspace()
    let folder = w.path("ratings.sqlite")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let input = try Hardening.miniCSV(w, count: 10)
    let expected = "`\(folder)` is a folder, not a database file"
    let commands: [[String]] = [
      ["runs", "--db", folder],
      ["explain", "--db", folder, "M1000001"],
      ["export", "--db", folder, "--current"],
      ["rescore", "--db", folder, "M1000001"],
      ["drift", "--db", folder],
      ["compare", Hardening.miniRules, "--db", folder],
      ["batch", Hardening.miniRules, input, "--db", folder],
    ]
    for command in commands {
      let outcome = try CLIProcess.run(command)
      #expect(outcome.status == 1, "\(command): \(outcome)")
      #expect(outcome.stderr.hasPrefix("error: "), "\(command): \(outcome)")
      #expect(outcome.stderr.hasSuffix(expected + "\n"), "\(command): \(outcome)")
    }
  }

  @Test func aMissingFolderIsNamed() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 10)
    let db = w.path("no-such-folder/ratings.sqlite")
    let outcome = try CLIProcess.run(["batch", Hardening.miniRules, input, "--db", db])
    #expect(outcome.status == 1, "\(outcome)")
    #expect(
      outcome.stderr.hasSuffix(
        "cannot create `\(db)`: No such file or directory (the folder `\(w.path("no-such-folder"))`)\n"
      ), "\(outcome)")
  }
}
