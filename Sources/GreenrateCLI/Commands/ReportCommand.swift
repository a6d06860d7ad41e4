import ArgumentParser
import Foundation
import GreenrateAnalysis
import GreenrateEngine

/// `greenrate report`: one self-contained HTML page of a run, for people.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write one self-contained HTML report of a run: ratings, scores, drift, codes.",
    discussion: """
      The page shows the run (rule set, version, fingerprint, as-of date, input, \
      duration, counts), the rating distribution, the score histogram with the \
      baseline's overlaid and the drift figures, the eligible share with the denial and \
      knockout codes, the reason codes, each factor's bands with how many merchants \
      matched each, the rating mix and eligible share per value of every --by field (the \
      20 largest values, the rest as "other"), and the rejects by kind of message with \
      example lines. Every chart is inline SVG with a title, labelled axes and its \
      numbers in a table; the page loads nothing from the network, needs no JavaScript \
      and prints on A4.

      The run defaults to the latest completed batch run; the baseline to the latest \
      completed batch run before it (as drift picks it). The database is opened \
      read-only; the counts come from one pass over the run's stored ratings.

      Exit codes: 0 written; 1 unknown or unfinished run, unknown baseline, or a \
      database or file error; 64 bad usage (including a --by field the run did not \
      store).

      Examples:
        greenrate report --db ratings.sqlite
        greenrate report --db ratings.sqlite --run 3 --by province --by industry_code
        greenrate report --db ratings.sqlite --baseline 1 --output nightly.html
      """
  )

  @OptionGroup var database: DatabaseOption

  @Option(
    name: .customLong("run"),
    help: ArgumentHelp(
      "The run to report (default: the latest completed batch run).", valueName: "RUN_ID"))
  var runID: Int64?

  @Option(
    name: .customLong("baseline"),
    help: ArgumentHelp(
      "The run to compare scores with (default: the latest completed batch run before it).",
      valueName: "RUN_ID"))
  var baselineID: Int64?

  @Option(
    name: .customLong("by"),
    help: ArgumentHelp(
      "Break the ratings down by this stored input, e.g. province (repeatable).",
      valueName: "FIELD"))
  var byFields: [String] = []

  @Option(
    name: .customLong("output"),
    help: ArgumentHelp(
      "Write the page here (default: greenrate-run-RUN_ID.html; - for standard output).",
      valueName: "FILE.html"))
  var output: String?

  func validate() throws {
    if let runID, runID < 1 { throw ValidationError("--run must be a run id (1 or more)") }
    if let baselineID, baselineID < 1 {
      throw ValidationError("--baseline must be a run id (1 or more)")
    }
    for field in byFields where field.isEmpty {
      throw ValidationError("--by needs the name of a stored input, e.g. --by province")
    }
    if let output, output.isEmpty { throw ValidationError("--output cannot be empty") }
  }

  func run() throws {
    let databasePath = try database.existing()
    let report: RunReport
    do {
      report = try RunReport.read(
        path: databasePath, runID: runID, baselineID: baselineID, byFields: byFields)
    } catch {
      throw database.fail(error.description, usage: error.isUsage)
    }
    let page = RunReportPage(report: report).html()
    let path = output ?? "greenrate-run-\(report.run.id).html"
    if path == "-" {
      Console.write(Array(page.utf8))
      return
    }
    try ReportCommand.write(page, to: path)
    Console.line(
      "report: \(path) (run \(report.run.id), \(NumberText.count(page.utf8.count / 1024 + 1)) KB)")
  }

  /// Writes a page to `path` in one step (a reader never sees half a file); a failure is
  /// one error line and exit 1.
  static func write(_ page: String, to path: String) throws {
    if let failure = System.writeFileAtomically(path, Array(page.utf8)) {
      Console.error("error: cannot write \(path): \(System.errorText(failure))")
      throw ExitCode(1)
    }
  }
}
