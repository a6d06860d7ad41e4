import ArgumentParser
import GreenrateAnalysis
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

/// `greenrate batch`: the nightly run, every merchant of an input into SQLite.
struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Rate every merchant of an input file into a SQLite database.",
    discussion: """
      Records stream through the rules in parallel (--jobs) and are committed in chunks; \
      a run killed at any moment can be finished with --resume. With no arguments, rates \
      the shipped SampleData/merchants.csv with Rules/sme-green.rules into \
      ./greenrate.sqlite (a binary away from its checkout writes its embedded copies of \
      both into the current folder first).

      SIGINT or SIGTERM stops a run at the next chunk boundary: what is done is \
      committed, one line says how to --resume it, and the exit code is 130 or 143. A \
      run is carried on by one process at a time; --resume checks that the input still \
      holds the same bytes up to where the run stopped, and keeps the run's own settings. \
      A run that read a pipe cannot be resumed: --abandon RUN_ID marks it failed.

      Exit codes: 0 the run completed; 1 it failed (--max-rejects exceeded, every \
      record rejected, unreadable input) or stopped unfinished (resumable); 130/143 \
      stopped by SIGINT/SIGTERM; 64 bad usage.

      Examples:
        greenrate batch
        greenrate batch Rules/sme-green.rules merchants.csv --db ratings.sqlite --jobs 2
        greenrate batch Rules/sme-green.rules merchants.csv --db ratings.sqlite --resume
        greenrate batch Rules/sme-green.rules merchants.csv --max-rejects 5%
        greenrate batch --abandon 7 --db ratings.sqlite --reason "the feed is gone"
        greenrate batch Rules/sme-green.rules merchants.csv --db ratings.sqlite --json
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

  // `.unconditional` here and below: `--jobs -1` is read as a value and refused by
  // `validate()` with the range, instead of "Missing value".
  @Option(
    parsing: .unconditional,
    help: "Scoring threads, 1 to \(BatchCommand.maxJobs) (default: the number of cores).")
  var jobs: Int = BatchOptions.coreCount

  @OptionGroup var asOf: AsOfOption

  @Option(
    name: .customLong("max-rejects"), parsing: .unconditional,
    help: ArgumentHelp(
      "Fail the run when more than N records, or more than P% of the records read, are "
        + "rejected (default: unlimited).", valueName: "N|P%"))
  var maxRejects: String?

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

  @Option(
    name: .customLong("abandon"), parsing: .unconditional,
    help: ArgumentHelp(
      "Mark the unfinished run RUN_ID failed instead of running a batch (for a run that "
        + "cannot be resumed, e.g. one that read a pipe).", valueName: "RUN_ID"))
  var abandon: Int64?

  @Option(help: ArgumentHelp("Why the run is abandoned (with --abandon).", valueName: "TEXT"))
  var reason: String?

  @Flag(help: "Print the final summary as one JSON object (for schedulers and scripts).")
  var json = false

  func validate() throws {
    if let abandon {
      if abandon < 1 {
        throw ValidationError("--abandon must be a run id (1 or more), not \(abandon)")
      }
      if rules != nil || maxRejects != nil || resume != nil || format != nil || asOf.asOf != nil {
        throw ValidationError("--abandon RUN_ID takes only --db and --reason")
      }
    } else if reason != nil {
      throw ValidationError("--reason goes with --abandon RUN_ID")
    }
    if let resumeRun, resumeRun < 1 {
      throw ValidationError("--resume takes a run id (1 or more), not \(resumeRun)")
    }
    if (rules == nil) != (input == nil) {
      throw ValidationError("give both RULES and INPUT, or neither for the shipped sample")
    }
    if let db, let problem = Database.pathProblem(db) {
      throw ValidationError("--db: \(problem)")
    }
    if !(1...BatchCommand.maxJobs).contains(jobs) {
      throw ValidationError("--jobs must be between 1 and \(BatchCommand.maxJobs), not \(jobs)")
    }
    if let maxRejects { _ = try BatchCommand.rejectLimit(maxRejects) }
    if let input, input != "-" || format == nil {
      _ = try inputFormat(path: input, explicit: format)
    }
  }

  func run() throws {
    if let abandon {
      try abandonRun(abandon)
      return
    }
    let shipped = rules == nil ? try ShippedFiles.defaults() : nil
    let rulesPath = rules ?? shipped?.rules ?? ShippedFiles.rulesName
    let rulesText = try RuleFile.readFile(rulesPath)
    let program = try RuleFile.compile(rulesText, rulesPath)
    var options = BatchOptions(
      rulesPath: ShippedFiles.absolute(rulesPath),
      inputPath: inputPath(shipped: shipped?.merchants),
      format: format,
      databasePath: db ?? ShippedFiles.databaseName, jobs: jobs,
      asOf: asOf.asOf.flatMap(Day.parse), resume: resume)
    options.catchSignals = true
    options.rulesText = rulesText
    switch try maxRejects.map(BatchCommand.rejectLimit) {
    case .count(let n): options.maxRejects = n
    case .percent(let p): options.maxRejectsPercent = p
    case nil: break
    }
    let runner = BatchRunner(options: options, program: program)
    let summary: BatchSummary
    do {
      summary = try runner.run { Console.note($0) }
    } catch {
      throw ExitCode.failure(error)
    }
    for note in summary.notes { Console.note("note: \(note)") }
    if summary.status == .running, let reason = summary.stopReason {
      Console.note(
        "run \(summary.runID) stopped: \(reason); \(runner.resumeCommand(summary.runID)) "
          + "carries it on")
    }
    Console.line(json ? summary.json : summary.text)
    if !json, summary.status == .completed,
      let drift = DriftAnalysis.batchLine(databasePath: options.databasePath, runID: summary.runID)
    {
      Console.line(drift)
    }
    if let signal = summary.signal { throw ExitCode(128 + signal) }
    if summary.status != .completed { throw ExitCode(1) }
  }

  /// `--abandon RUN_ID`: marks the run failed, or one error line and exit 1.
  private func abandonRun(_ runID: Int64) throws {
    let path = db ?? ShippedFiles.databaseName
    do {
      let run = try BatchRunner.abandon(
        databasePath: path, runID: runID,
        reason: reason ?? "given up with `greenrate batch --abandon \(runID)`")
      Console.line("run \(run.id) abandoned: now \(run.status.rawValue) (\(run.failure ?? ""))")
    } catch {
      Console.error("error: \(error.message)")
      throw ExitCode(1)
    }
  }

  /// The input as the run records it: absolute, so that `--resume` from another folder
  /// or with another spelling of the same path finds the same input.
  private func inputPath(shipped: String?) -> String {
    let path = input ?? shipped ?? ShippedFiles.merchantsName
    return path == "-" ? path : ShippedFiles.absolute(path)
  }

  /// The most scoring threads `--jobs` takes: more only add memory and contention.
  static let maxJobs = 256

  /// `--max-rejects N` or `P%`, or a usage error saying what it takes.
  static func rejectLimit(_ text: String) throws -> RejectLimit {
    do {
      return try RejectLimit(parsing: text)
    } catch {
      throw ValidationError("--max-rejects: \(error.message)")
    }
  }

  private var resume: ResumeRequest? {
    if let resumeRun { return .run(resumeRun) }
    return resumeLatest ? .latest : nil
  }
}
