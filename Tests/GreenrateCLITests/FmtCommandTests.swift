import Foundation
import Testing

/// `greenrate fmt`, run as a process on files in a temporary folder.
@Suite struct FmtCommandTests {
  static let messy = "ruleset \"x\" version \"1\"\ninput id:text key\noutput o = 1+2\n"
  static let tidy = "ruleset \"x\" version \"1\"\ninput id: text key\noutput o = 1 + 2\n"

  @Test("prints, checks and writes; --check exits 1 naming only the files that would change")
  func checkAndWrite() throws {
    let ws = try RescoreWorkspace()
    let messy = ws.path("messy.rules")
    let tidy = ws.path("tidy.rules")
    try FmtCommandTests.messy.write(toFile: messy, atomically: true, encoding: .utf8)
    try FmtCommandTests.tidy.write(toFile: tidy, atomically: true, encoding: .utf8)

    let printed = try CLIProcess.run(["fmt", messy])
    #expect(printed.status == 0, "\(printed)")
    #expect(printed.stdout == FmtCommandTests.tidy)

    let checked = try CLIProcess.run(["fmt", "--check", ws.folder.path])
    #expect(checked.status == 1, "\(checked)")
    #expect(checked.stdout == messy + "\n")
    #expect(try String(contentsOfFile: messy, encoding: .utf8) == FmtCommandTests.messy)

    let written = try CLIProcess.run(["fmt", "--write", messy, tidy])
    #expect(written.status == 0, "\(written)")
    #expect(written.stdout == messy + "\n")
    #expect(try String(contentsOfFile: messy, encoding: .utf8) == FmtCommandTests.tidy)

    let clean = try CLIProcess.run(["fmt", "--check", messy, tidy])
    #expect(clean.status == 0, "\(clean)")
    #expect(clean.stdout.isEmpty)
  }

  @Test("a file that does not parse is reported like check and left alone")
  func brokenFile() throws {
    let ws = try RescoreWorkspace()
    let broken = ws.path("broken.rules")
    let text = "ruleset \"x\" version \"1\"\ninput : text\n"
    try text.write(toFile: broken, atomically: true, encoding: .utf8)
    let outcome = try CLIProcess.run(["fmt", "--write", broken])
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("broken.rules:2:7: error:"), "\(outcome)")
    #expect(try String(contentsOfFile: broken, encoding: .utf8) == text)
    #expect(try CLIProcess.run(["fmt", "--check", "--write", broken]).status == 64)
  }
}
