import ArgumentParser
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
      CSV cell, is not checked. Prints each failing case and a final line \
      `N passed, M failed`; exits 1 if any failed.

      Example:
        greenrate test Rules/sme-green.rules Rules/sme-green.cases.csv
      """
  )

  @Argument(help: "The rule file.")
  var rules: String

  @Argument(help: "Case files (.csv, .jsonl or .ndjson).")
  var cases: [String]

  @OptionGroup var asOf: AsOfOption

  func validate() throws {
    if cases.isEmpty { throw ValidationError("give at least one case file") }
    for path in cases { _ = try inputFormat(path: path, explicit: nil) }
  }

  func run() throws {
    let program = try RuleFile.load(rules)
    let outcome = try readingErrorsExit {
      try CaseRun.run(program: program, casePaths: cases, asOf: asOf.day)
    }
    for line in outcome.failures { Console.line(line) }
    Console.line("\(outcome.passed) passed, \(outcome.failed) failed")
    if outcome.failed > 0 { throw ExitCode(1) }
  }
}

/// Runs `body`; a reader error (opening the input or mid-file) becomes one error line
/// and exit 1.
func readingErrorsExit<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ReaderError {
    Console.error("error: \(error.message)")
    throw ExitCode(1)
  }
}
