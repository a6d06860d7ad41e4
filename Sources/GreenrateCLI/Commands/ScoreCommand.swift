import ArgumentParser
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// `greenrate score`: score records without a database, printing JSON lines.
struct ScoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Score records with a rule file and print one JSON object per record.",
    discussion: """
      Rejected records print {"line": N, "error": "..."} instead, and the exit code is 1.

      Examples:
        greenrate score Rules/sme-green.rules --input SampleData/merchants.csv
        greenrate score Rules/sme-green.rules --record '{"merchant_id": "M1", ...}'
        cat merchants.jsonl | greenrate score Rules/sme-green.rules --input - --format jsonl
      """
  )

  @Argument(help: "The rule file.")
  var rules: String

  @Option(help: ArgumentHelp("One record as a JSON object.", valueName: "JSON"))
  var record: String?

  @Option(
    help: ArgumentHelp("A CSV or JSON Lines file, or - for standard input.", valueName: "FILE"))
  var input: String?

  @Option(help: "The input's format when the file name does not tell (csv or jsonl).")
  var format: InputFormat?

  @OptionGroup var asOf: AsOfOption

  func validate() throws {
    if (record == nil) == (input == nil) {
      throw ValidationError("give exactly one of --record JSON or --input FILE")
    }
    if let input { _ = try inputFormat(path: input, explicit: format) }
  }

  func run() throws {
    let program = try RuleFile.load(rules)
    let reader = try openReader(program: program)
    var scorer = SequentialScorer(reader: reader, program: program, asOf: asOf.day)
    let keyName = program.layout.fields[program.layout.keyField].name
    var out = JSONWriter(capacity: 1 << 16)
    var rejected = 0
    // What was scored before a read error is still printed.
    defer { Console.write(out.bytes) }
    try readingErrorsExit {
      try scorer.forEachOutcome { outcome in
        switch outcome {
        case .scored(let result, _, _):
          out.result(result, keyName: keyName)
        case .rejected(let reject):
          rejected += 1
          out.rejected(line: reject.line, error: reject.message)
        }
        out.byte(UInt8(ascii: "\n"))
        if out.bytes.count > 1 << 15 {
          Console.write(out.bytes)
          out.removeAll()
        }
      }
    }
    if rejected > 0 { throw ExitCode(1) }
  }

  private func openReader(program: Program) throws -> RecordReader {
    try readingErrorsExit {
      if let record {
        return try RecordReader(bytes: Array(record.utf8), format: .jsonl, layout: program.layout)
      }
      let path = input ?? "-"
      return try RecordReader(
        path: path, format: inputFormat(path: path, explicit: format), layout: program.layout)
    }
  }
}
