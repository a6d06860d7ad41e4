import ArgumentParser
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// `greenrate batch`: the nightly run, every merchant of an input into SQLite.
struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Rate every merchant of an input file into a SQLite database.",
    discussion: """
      Records stream through the rules in parallel (--jobs) and are committed in chunks; \
      a run killed at any moment can be finished with --resume. With no arguments, rates \
      the shipped SampleData/merchants.csv with Rules/sme-green.rules into \
      ./greenrate.sqlite.

      Examples:
        greenrate batch
        greenrate batch Rules/sme-green.rules merchants.csv --db ratings.sqlite --jobs 2
        greenrate batch Rules/sme-green.rules merchants.csv --db ratings.sqlite --resume
      """
  )

  @Argument(help: "The rule file (default: the shipped Rules/sme-green.rules).")
  var rules: String?

  @Argument(
    help: "A CSV or JSON Lines file, or - for standard input (default: the shipped sample).")
  var input: String?

  @Option(help: ArgumentHelp("The SQLite database (default: ./greenrate.sqlite).", valueName: "DB"))
  var db: String?

  @Option(help: "The input's format when the file name does not tell (csv or jsonl).")
  var format: InputFormat?

  @Option(help: "Scoring threads (default: the number of cores).")
  var jobs: Int = BatchOptions.coreCount

  @OptionGroup var asOf: AsOfOption

  @Option(
    name: .customLong("max-rejects"),
    help: "Fail the run when more than this many records are rejected (default: unlimited).")
  var maxRejects: Int?

  @Flag(
    name: .customLong("resume"),
    help: ArgumentHelp(
      "Finish an unfinished run instead of starting one: the latest, or the run id given "
        + "right after it (--resume [RUN_ID])."))
  var resumeLatest = false

  /// `--resume N` arrives here: `GreenrateCommand.normalized` rewrites it, since an
  /// option whose value is optional is not something the argument parser has.
  @Option(name: .customLong("resume-run"), help: .hidden)
  var resumeRun: Int64?

  func validate() throws {
    if (rules == nil) != (input == nil) {
      throw ValidationError("give both RULES and INPUT, or neither for the shipped sample")
    }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if let maxRejects, maxRejects < 0 { throw ValidationError("--max-rejects cannot be negative") }
    if let input, input != "-" || format == nil {
      _ = try inputFormat(path: input, explicit: format)
    }
  }

  func run() throws {
    let rulesPath = rules ?? ShippedFiles.rules
    let program = try RuleFile.load(rulesPath)
    let options = BatchOptions(
      rulesPath: ShippedFiles.absolute(rulesPath), inputPath: inputPath,
      format: format,
      databasePath: db ?? ShippedFiles.databaseName, jobs: jobs,
      asOf: asOf.asOf.flatMap(Day.parse), maxRejects: maxRejects, resume: resume)
    let summary: BatchSummary
    do {
      summary = try BatchRunner(options: options, program: program).run { Console.error($0) }
    } catch {
      Console.error("error: \(error.message)")
      throw ExitCode(1)
    }
    Console.line(summary.text)
    if summary.status != .completed { throw ExitCode(1) }
  }

  /// The input as the run records it: absolute, so that `--resume` from another folder
  /// or with another spelling of the same path finds the same input.
  private var inputPath: String {
    let path = input ?? ShippedFiles.merchants
    return path == "-" ? path : ShippedFiles.absolute(path)
  }

  private var resume: ResumeRequest? {
    if let resumeRun { return .run(resumeRun) }
    return resumeLatest ? .latest : nil
  }
}
