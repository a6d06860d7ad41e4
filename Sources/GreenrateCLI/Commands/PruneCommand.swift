import ArgumentParser
import GreenrateEngine

/// `greenrate prune --db DB --keep N`: remove old runs and what only they used.
struct PruneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract: "Remove old runs, keeping the latest completed batch runs and all current ratings.",
    discussion: """
      Keeps the N latest completed batch runs (by completion), every run that still \\
      provides some merchant's current rating, every batch run still running or killed \\
      (so --resume can carry it on), every run newer than the oldest batch run kept, \\
      and the stored results and records they point at. Removes the rest, in bounded \\
      transactions: a kill at any moment leaves a consistent database, and running \\
      prune again finishes. Safe to run while a batch writes.

      Freed pages are reused by later runs; they are given back to the file system by \\
      an incremental vacuum (databases created by this version), or by a full VACUUM \\
      with --vacuum (rewrites the file: needs as much free disk as the database).

      Exit codes: 0 pruned (or nothing to prune); 1 a database error; 64 bad usage.

      Examples:
        greenrate prune --db ratings.sqlite --keep 7 --dry-run
        greenrate prune --db ratings.sqlite --keep 7
        greenrate prune --db ratings.sqlite --keep 30 --vacuum
      """
  )

  @OptionGroup var database: DatabaseOption

  @Option(
    help: ArgumentHelp("How many of the latest completed batch runs to keep.", valueName: "N"))
  var keep: Int

  @Flag(help: "Print what would be removed, and remove nothing.")
  var dryRun = false

  @Flag(help: "Rewrite the file afterwards (VACUUM) to return every free page.")
  var vacuum = false

  /// Rows per transaction (tests make it small so that kills land mid-run).
  @Option(name: .customLong("batch-rows"), help: .hidden)
  var batchRows = 50_000

  func validate() throws {
    if batchRows < 1 { throw ValidationError("--batch-rows must be at least 1") }
    if keep < 1 { throw ValidationError("--keep must be at least 1") }
    if dryRun && vacuum { throw ValidationError("--dry-run and --vacuum exclude each other") }
  }

  func run() throws {
    let store = try database.open(dryRun ? .readOnly : .existing)
    try database.perform {
      let plan = try store.prunePlan(keep: keep)
      let before = try store.sizes()
      if plan.remove.isEmpty {
        Console.line("nothing to prune: \(plan.keep.count) runs, all kept")
      } else {
        let ids = plan.remove.map { String($0.id) }.joined(separator: ", ")
        let ratings = plan.remove.reduce(0) { $0 + $1.recordsScored }
        let verb = dryRun ? "would remove" : "removing"
        Console.line(
          "\(verb) \(plan.remove.count) runs (\(ids)) with about \(ratings) ratings; "
            + "keeping \(plan.keep.count) runs")
      }
      if dryRun { return }
      let result = try store.prune(plan, batchRows: batchRows)
      try store.reclaimSpace(full: vacuum)
      let after = try store.sizes()
      Console.line(
        "removed \(result.runs.count) runs, \(result.ratingRows) ratings, \(result.rejects) "
          + "rejects, \(result.states) stored results and records, \(result.ruleFiles) rule texts; "
          + "database \(megabytes(before.total)) -> \(megabytes(after.total)) "
          + "(\(megabytes(after.free)) free for later runs)")
    }
  }

  private func megabytes(_ bytes: Int64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
