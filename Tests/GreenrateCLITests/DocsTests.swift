import Foundation
import Testing

/// The examples in `docs/` run: every ```rules block passes `greenrate check`, and every
/// ```sh runnable block succeeds (see docs/README.md for the convention).
@Suite struct DocsTests {
  static let docs = CLIProcess.packageRoot.appendingPathComponent("docs")

  static var pages: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
    return names.filter { $0.hasSuffix(".md") }.sorted()
  }

  /// The bodies of the code blocks of `text` whose fence line is exactly "```TAG".
  static func blocks(_ text: String, tag: String) -> [String] {
    var found: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if var lines = current {
        if line == "```" {
          found.append(lines.joined(separator: "\n") + "\n")
          current = nil
        } else {
          lines.append(line)
          current = lines
        }
      } else if line == "```" + tag {
        current = []
      } else if line.hasPrefix("```") && line.count > 3 {
        // Another block: skip to its end.
        current = nil
        continue
      }
    }
    return found
  }

  @Test func theGuidesExist() {
    for page in ["README.md", "rules-language.md", "database.md", "operations.md", "authoring.md"] {
      #expect(Self.pages.contains(page), "\(page)")
    }
  }

  @Test func thePagesHaveTestedExamples() throws {
    var rules = 0
    var runnable = 0
    for page in Self.pages {
      let text = try String(contentsOf: Self.docs.appendingPathComponent(page), encoding: .utf8)
      rules += Self.blocks(text, tag: "rules").count
      runnable += Self.blocks(text, tag: "sh runnable").count
    }
    #expect(rules >= 6)
    #expect(runnable >= 8)
  }

  @Test func theReadmeLinksTheLanguageReference() throws {
    let readme = try String(
      contentsOf: CLIProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("(docs/rules-language.md)"))
  }

  @Test(arguments: pages)
  func ruleBlocksCheck(_ page: String) throws {
    let text = try String(contentsOf: Self.docs.appendingPathComponent(page), encoding: .utf8)
    let ws = try RescoreWorkspace()
    for (i, block) in Self.blocks(text, tag: "rules").enumerated() {
      let path = ws.path("block-\(i).rules")
      try block.write(toFile: path, atomically: true, encoding: .utf8)
      let outcome = try CLIProcess.run(["check", path])
      #expect(outcome.status == 0, "\(page) rules block \(i + 1):\n\(block)\n\(outcome)")
    }
  }

  @Test(arguments: pages)
  func runnableBlocksRun(_ page: String) throws {
    let text = try String(contentsOf: Self.docs.appendingPathComponent(page), encoding: .utf8)
    let blocks = Self.blocks(text, tag: "sh runnable")
    guard !blocks.isEmpty else { return }
    let ws = try RescoreWorkspace()
    for folder in ["Rules", "SampleData"] {
      try FileManager.default.copyItem(
        at: CLIProcess.packageRoot.appendingPathComponent(folder),
        to: ws.folder.appendingPathComponent(folder))
    }
    let path =
      CLIProcess.binary.deletingLastPathComponent().path + ":"
      + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let hasSQLite = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")
    for (i, block) in blocks.enumerated() {
      // The sqlite3 shell is not part of the toolchain; its examples need it installed.
      if block.contains("sqlite3 ") && !hasSQLite { continue }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = ["-euo", "pipefail", "-c", block]
      process.currentDirectoryURL = ws.folder
      var environment = ProcessInfo.processInfo.environment
      environment["PATH"] = path
      process.environment = environment
      let errors = Pipe()
      process.standardOutput = FileHandle.nullDevice
      process.standardError = errors
      try process.run()
      let stderr = errors.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      #expect(
        process.terminationStatus == 0,
        "\(page) runnable block \(i + 1) failed:\n\(block)\n\(String(decoding: stderr, as: UTF8.self))"
      )
    }
  }
}
