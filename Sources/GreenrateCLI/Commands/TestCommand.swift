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
      CSV cell, is not checked, but a case with no expect_* value at all fails (it would \
      check nothing). Prints each failing case as FILE:LINE: KEY: PROBLEM and a final \
      line `N passed, M failed`; exits 1 if any failed.

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
    var passed = 0
    var failed = 0
    for path in cases {
      let reader = try readingErrorsExit {
        try RecordReader(
          path: path, format: inputFormat(path: path, explicit: nil), layout: program.layout,
          extraFields: CaseExpectation.fieldNames)
      }
      var scorer = SequentialScorer(
        reader: reader, program: program, asOf: asOf.day,
        extraCount: CaseExpectation.fieldNames.count)
      try readingErrorsExit {
        try scorer.forEachOutcome { outcome in
          let problems: [String]
          let line: Int
          let key: String
          switch outcome {
          case .scored(let result, let l, let extras):
            line = l
            key = result.key.string
            let expectation = CaseExpectation(extras)
            problems =
              expectation.isEmpty
              ? ["no expect_* field: a case must state at least one expected value"]
              : expectation.mismatches(result)
          case .rejected(let reject):
            line = reject.line
            key = reject.merchantID ?? "?"
            problems = ["rejected: \(reject.message)"]
          }
          if problems.isEmpty {
            passed += 1
          } else {
            failed += 1
            for p in problems { Console.line("\(path):\(line): \(key): \(p)") }
          }
        }
      }
    }
    Console.line("\(passed) passed, \(failed) failed")
    if failed > 0 { throw ExitCode(1) }
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
