import GreenrateLanguage
import GreenrateReaders

extension BatchRunner {
  /// Finds the run `--resume` names and checks that this invocation can carry it on:
  /// same rule file (by SHA-256), same input file, same as-of date.
  func resumePlan(store: Store, request: ResumeRequest) throws(BatchError) -> Plan {
    let found: RunInfo?
    do {
      switch request {
      case .latest: found = try store.latestUnfinishedBatch()
      case .run(let id): found = try store.run(id: id)
      }
    } catch {
      throw BatchError("cannot read runs from \(options.databasePath): \(error.message)")
    }
    guard let run = found else {
      switch request {
      case .latest:
        throw BatchError("nothing to resume: \(options.databasePath) has no unfinished batch run")
      case .run(let id):
        throw BatchError("cannot resume run \(id): \(options.databasePath) has no such run")
      }
    }
    guard run.kind == .batch else {
      throw BatchError("cannot resume run \(run.id): it is a rescore, not a batch")
    }
    guard run.status == .running else {
      throw BatchError("cannot resume run \(run.id): it has already \(run.status.rawValue)")
    }
    guard run.rulesetSHA256 == program.sha256 else {
      throw BatchError(
        "cannot resume run \(run.id): \(options.rulesPath) is not the rule file it started with "
          + "(sha256 \(program.sha256) instead of \(run.rulesetSHA256))")
    }
    guard let input = run.input, input != "-" else {
      throw BatchError(
        "cannot resume run \(run.id): it read standard input, which cannot be read again")
    }
    if input != options.inputPath {
      let same = System.realPath(input).map { $0 == System.realPath(options.inputPath) } ?? false
      guard same else {
        throw BatchError(
          "cannot resume run \(run.id): it read \(input), not \(options.inputPath)")
      }
    }
    if let size = run.inputSize, let now = System.fileSize(options.inputPath), size != now {
      throw BatchError(
        "cannot resume run \(run.id): \(options.inputPath) changed since the run started "
          + "(\(size) bytes then, \(now) now)")
    }
    guard let asOf = Day.parse(run.asOf) else {
      throw BatchError("cannot resume run \(run.id): its as-of date `\(run.asOf)` is not a date")
    }
    if let wanted = options.asOf, wanted != asOf {
      throw BatchError(
        "cannot resume run \(run.id): it runs as of \(run.asOf), not \(Day.format(wanted))")
    }
    var counts = run.ratingCounts.map(\.count)
    if counts.count != program.ratingLabels.count {
      counts = Array(repeating: 0, count: program.ratingLabels.count)
    }
    let progress = Store.Progress(
      read: run.recordsRead, scored: run.recordsScored, rejected: run.recordsRejected,
      eligible: run.recordsEligible, ratingCounts: counts, resumeOffset: run.resumeOffset,
      resumeLine: run.resumeLine)
    return Plan(
      runID: run.id, asOf: asOf, maxRejects: options.maxRejects ?? run.maxRejects,
      format: run.inputFormat.flatMap(InputFormat.init(rawValue:)) ?? options.format,
      resumeAt: run.resumeOffset > 0 ? (run.resumeOffset, run.resumeLine) : nil,
      progress: progress)
  }
}
