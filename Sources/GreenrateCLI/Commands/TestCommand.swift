import ArgumentParser
import GreenrateAnalysis
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// `greenrate test RULES CASES...`: check a rule file against expected results.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run test cases against a rule file.",
    discussion: """
      Each case file is a CSV or JSON Lines file of records with extra fields \
      expect_rating, expect_eligible, expect_score (compared to 1e-9) and expect_reasons \
      (;-separated in CSV, an array in JSON; order matters). An absent field, or an empty \
      CSV cell, is not checked, but a case with no expect_* value at all fails (it would \
      check nothing). Prints each failing case as FILE:LINE: KEY: PROBLEM and a final \
      line `N passed, M failed`; exits 1 if any failed.

      With --coverage, then lists the factor bands, knockouts, deny lines and rating \
      bands no case reached (FILE:LINE: ...) and a `coverage:` line; every case counts, \
      passing or failing. With --min-coverage PCT, exits 1 when coverage is below PCT.

      Examples:
        greenrate test Rules/sme-green.rules Rules/sme-green.cases.csv
        greenrate test Rules/sme-green.rules Rules/sme-green.cases.csv --coverage --min-coverage 100
      """
  )

  @Argument(help: "The rule file.")
  var rules: String

  @Argument(help: "Case files (.csv, .jsonl or .ndjson).")
  var cases: [String]

  @OptionGroup var asOf: AsOfOption

  @Flag(help: "List the bands, knockouts, denials and ratings no case reaches.")
  var coverage = false

  @Option(
    name: .customLong("min-coverage"),
    help: ArgumentHelp(
      "Exit 1 when coverage is below PCT percent (implies --coverage).", valueName: "PCT"))
  var minCoverage: Double?

  func validate() throws {
    if cases.isEmpty { throw ValidationError("give at least one case file") }
    if let minCoverage, !(0...100).contains(minCoverage) {
      throw ValidationError("--min-coverage must be a percentage from 0 to 100")
    }
    for path in cases { _ = try inputFormat(path: path, explicit: nil) }
  }

  func run() throws {
    let program = try RuleFile.load(rules)
    var reached = RuleCoverage(program: program)
    // An unknown extension is bad usage (64), checked before any case runs.
    for path in cases { _ = try inputFormat(path: path, explicit: nil) }
    let outcome = try readingErrorsExit {
      try CaseRun.run(program: program, casePaths: cases, asOf: asOf.day) {
        reached.record($0)
      }
    }
    for line in outcome.failures { Console.line(line) }
    let (passed, failed) = (outcome.passed, outcome.failed)
    Console.line("\(passed) passed, \(failed) failed")
    var belowMinimum = false
    if coverage || minCoverage != nil {
      for line in reached.lines(file: rules) { Console.line(line) }
      if let minCoverage, reached.percent < minCoverage {
        belowMinimum = true
        Console.error(
          "error: coverage \(Figures.fixed(reached.percent, 1))% is below --min-coverage "
            + Figures.number(minCoverage) + "%")
      }
    }
    if failed > 0 || belowMinimum { throw ExitCode(1) }
  }
}

/// Runs `body`; a reader error (opening the input or mid-file) becomes one error line
/// and exit 1.
func readingErrorsExit<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ReaderError {
    throw ExitCode.failure(error)
  }
}
