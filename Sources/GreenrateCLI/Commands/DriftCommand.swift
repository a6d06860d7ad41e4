import ArgumentParser
import GreenrateAnalysis
import GreenrateEngine

/// `greenrate drift`: has the rated population moved since the baseline run?
struct DriftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drift",
    abstract: "Population stability (PSI) of a batch run against a baseline run.",
    discussion: """
      Score PSI over the baseline's score deciles, rating PSI over the rating labels, \
      and each factor's PSI over its bands; status from the larger of score and rating \
      PSI: below 0.1 stable, below 0.25 moderate, else significant. Both runs must be \
      completed batch runs: --run defaults to the latest, --baseline to the latest \
      before it. Reads only.

      Examples:
        greenrate drift --db ratings.sqlite
        greenrate drift --db ratings.sqlite --run 9 --baseline 2 --json
      """
  )

  @OptionGroup var database: DatabaseOption

  @Option(
    name: .customLong("run"),
    help: ArgumentHelp("The run (default: the latest completed batch run).", valueName: "RUN_ID"))
  var runID: Int64?

  @Option(
    help: ArgumentHelp(
      "The baseline run (default: the latest completed batch run before --run).",
      valueName: "RUN_ID"))
  var baseline: Int64?

  @Flag(help: "Print one JSON object instead of tables.")
  var json = false

  func validate() throws {
    if let runID, runID < 1 { throw ValidationError("--run must be a run id (1 or more)") }
    if let baseline, baseline < 1 {
      throw ValidationError("--baseline must be a run id (1 or more)")
    }
  }

  func run() throws {
    let path = try database.existing()
    let result = try analysis {
      try DriftAnalysis(databasePath: path).run(runID: runID, baselineID: baseline)
    }
    Console.line(json ? result.json : result.text)
  }
}
