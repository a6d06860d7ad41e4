import ArgumentParser
import GreenrateAnalysis
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// `greenrate compare`: what a rule change does to the book, before it goes live.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare a challenger rule file with the champion: who moves, which way, why.",
    discussion: """
      With one rule file, the champion is a stored batch run (--run, default the latest \
      completed batch) as it was rated, and the challenger scores that run's stored \
      records as of the run's as-of date; records rejected in that run are not \
      compared. With two rule files, both score --input as of --as-of. Both forms score \
      in parallel (--jobs) and give the same result for every --jobs. \
      Nothing is written. Prints the rating migration matrix, eligibility swaps and the \
      codes behind them, the score delta (challenger - champion) and factor mean shifts; \
      --json prints them as one JSON object.

      Examples:
        greenrate compare Rules/sme-green-2026.2.rules --db ratings.sqlite
        greenrate compare Rules/sme-green-2026.2.rules --db ratings.sqlite --run 7 --json
        greenrate compare Rules/sme-green.rules Rules/sme-green-2026.2.rules --input merchants.csv
      """
  )

  @Argument(help: "CHALLENGER.rules, or CHAMPION.rules CHALLENGER.rules with --input.")
  var rules: [String] = []

  @Option(
    help: ArgumentHelp(
      "The SQLite database a batch wrote (default: ./greenrate.sqlite).", valueName: "DB"))
  var db: String?

  @Option(
    name: .customLong("run"),
    help: ArgumentHelp(
      "The champion run (default: the latest completed batch run).", valueName: "RUN_ID"))
  var runID: Int64?

  @Option(help: ArgumentHelp("The input both rule files score (two-file form).", valueName: "FILE"))
  var input: String?

  @Option(help: "The input's format when the file name does not tell (csv or jsonl).")
  var format: InputFormat?

  @OptionGroup var asOf: AsOfOption

  @Option(
    help: "Threads that read and score (default: all cores); the result is the same for any.")
  var jobs: Int = BatchOptions.coreCount

  @Flag(help: "Print one JSON object instead of tables.")
  var json = false

  @Option(
    help: ArgumentHelp("Also write the comparison as an HTML report.", valueName: "FILE.html"))
  var report: String?

  func validate() throws {
    switch rules.count {
    case 1:
      if input != nil {
        throw ValidationError(
          "--input compares two rule files: give CHAMPION.rules CHALLENGER.rules")
      }
      if format != nil { throw ValidationError("--format goes with --input (two rule files)") }
      if asOf.asOf != nil {
        throw ValidationError(
          "--as-of goes with two rule files; a stored run is compared as of its own as-of date")
      }
    case 2:
      guard let input else {
        throw ValidationError("two rule files score one input: give --input FILE")
      }
      if db != nil || runID != nil {
        throw ValidationError("--db and --run go with one rule file (the champion is a stored run)")
      }
      if input == "-" {
        throw ValidationError(
          "--input must be a file: each rule file reads it (standard input can be read once)")
      }
      _ = try inputFormat(path: input, explicit: format)
    default:
      throw ValidationError(
        "give CHALLENGER.rules (with --db), or CHAMPION.rules CHALLENGER.rules with --input")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if let runID, runID < 1 { throw ValidationError("--run must be a run id (1 or more)") }
    if let report, report.isEmpty { throw ValidationError("--report needs a file name") }
  }

  func run() throws {
    let result: ComparisonResult
    if rules.count == 1 {
      let challenger = try RuleFile.load(rules[0])
      let path = try DatabaseOption.existing(db ?? ShippedFiles.databaseName)
      result = try analysis {
        try DatabaseComparison(databasePath: path, runID: runID, challenger: challenger, jobs: jobs)
          .run()
      }
    } else {
      let champion = try RuleFile.load(rules[0])
      let challenger = try RuleFile.load(rules[1])
      result = try analysis {
        try FileComparison(
          champion: champion, challenger: challenger, inputPath: input ?? "-", format: format,
          asOf: asOf.day, jobs: jobs
        ).run()
      }
    }
    if let report {
      try ReportCommand.write(ComparisonReportPage(result: result).html(), to: report)
    }
    if json {
      Console.line(result.json)
      for note in result.notes { Console.error("note: " + note) }
    } else {
      Console.line(result.text)
    }
  }
}

/// Runs an analysis; its error becomes one line on standard error and exit 1.
func analysis<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as AnalysisError {
    Console.error("error: \(error.message)")
    throw ExitCode(1)
  }
}
