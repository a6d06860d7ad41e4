import GreenrateLanguage
import GreenrateReaders

/// Test cases run against a compiled rule set: what `greenrate test` prints and what the
/// server checks before it switches to an edited rule file.
package struct CaseRun: Sendable {
  package var passed = 0
  package var failed = 0
  /// One line per problem, `PATH:LINE: KEY: problem`, in input order.
  package var failures: [String] = []

  package init() {}

  /// Scores every record of the case files (CSV or JSON Lines, by extension) and
  /// compares each result with its `expect_*` fields; a case that states no expectation
  /// fails (it would check nothing). `scored` sees every result, passing or failing
  /// (coverage counts them all).
  ///
  /// Throws `ReaderError` when a case file cannot be opened or read.
  package static func run(
    program: Program, casePaths: [String], asOf: Int,
    scored: (ScoreResult) -> Void = { _ in }
  ) throws -> CaseRun {
    var outcome = CaseRun()
    for path in casePaths {
      guard let format = InputFormat.from(path: path) else {
        throw ReaderError(
          "cannot tell the format of `\(path)`: name it .csv, .jsonl or .ndjson")
      }
      let reader = try RecordReader(
        path: path, format: format, layout: program.layout,
        extraFields: CaseExpectation.fieldNames)
      var scorer = SequentialScorer(
        reader: reader, program: program, asOf: asOf,
        extraCount: CaseExpectation.fieldNames.count)
      try scorer.forEachOutcome { result in
        let problems: [String]
        let line: Int
        let key: String
        switch result {
        case .scored(let result, let l, let extras):
          line = l
          scored(result)
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
          outcome.passed += 1
        } else {
          outcome.failed += 1
          for p in problems { outcome.failures.append("\(path):\(line): \(key): \(p)") }
        }
      }
    }
    return outcome
  }
}
