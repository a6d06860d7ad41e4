import ArgumentParser
import GreenrateBuildInfo
import GreenrateEngine
import GreenrateStore

/// The `greenrate` command: green ratings for small merchants, from rule files.
package struct GreenrateCommand: ParsableCommand {
  package static let configuration = CommandConfiguration(
    commandName: "greenrate",
    abstract: "Green ratings and green-loan eligibility for small merchants, from rule files.",
    discussion: """
      Examples:
        greenrate check Rules/sme-green.rules
        greenrate batch Rules/sme-green.rules merchants.csv --db ratings.sqlite
        greenrate rescore M00012345 --db ratings.sqlite --set certifications=ISO14001
        greenrate compare Rules/sme-green-2026.2.rules --db ratings.sqlite
        greenrate drift --db ratings.sqlite
      """,
    version: versionText,
    subcommands: [
      CheckCommand.self, ScoreCommand.self, TestCommand.self, BatchCommand.self,
      RescoreCommand.self, ExplainCommand.self, RunsCommand.self, PruneCommand.self,
      CompareCommand.self, DriftCommand.self, ReportCommand.self, ExportCommand.self,
      FmtCommand.self, GenerateCommand.self,
    ]
  )

  package init() {}

  /// What `--version` prints: greenrate's version, the git commit it was built from and
  /// the SQLite library it runs on.
  static var versionText: String {
    "greenrate \(BuildInfo.version)\ncommit \(BuildInfo.commit)\nsqlite \(Database.libraryVersion)"
  }

  /// Runs the command line (without the program name) and exits.
  ///
  /// Help, usage errors and `ExitCode`s are printed as the argument parser would, but
  /// through `Console`, so that a full or closed standard output (`--help > /dev/full`)
  /// is reported and exits 1 instead of being ignored.
  package static func run(arguments: [String]) -> Never {
    do {
      var command = try parseAsRoot(normalized(arguments))
      try command.run()
    } catch {
      let text = fullMessage(for: error)
      let code = exitCode(for: error)
      if !text.isEmpty {
        if code == .success { Console.line(text) } else { Console.error(text) }
      }
      exit(withError: code == .success ? nil : ExitCode(code.rawValue))
    }
    exit(withError: nil)
  }

  /// Rewrites `--resume N` / `--resume=N` to `--resume-run N`: `--resume` takes an
  /// optional run id, which the argument parser cannot express directly.
  package static func normalized(_ arguments: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a == "--resume", i + 1 < arguments.count, isRunID(arguments[i + 1]) {
        out += ["--resume", "--resume-run", arguments[i + 1]]
        i += 2
        continue
      }
      if a.hasPrefix("--resume="), isRunID(String(a.dropFirst(9))) {
        out += ["--resume", "--resume-run", String(a.dropFirst(9))]
      } else {
        out.append(a)
      }
      i += 1
    }
    return out
  }

  private static func isRunID(_ s: String) -> Bool {
    !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
  }
}
