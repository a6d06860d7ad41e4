import ArgumentParser
import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// `greenrate runs`: the database's runs, newest first.
struct RunsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "List the runs in a database, newest first.",
    discussion: """
      One row per run: its id, kind (batch or rescore), status (running, completed or \
      failed; a run killed mid-way stays running until --resume finishes it), as-of \
      date, records read, scored and rejected, rule set name and version with the start \
      of its SHA-256, start time (UTC), duration and input; and, when some run failed, \
      a last column with each failed run's reason.

      Examples:
        greenrate runs --db ratings.sqlite
        greenrate runs --db ratings.sqlite --limit 5
        greenrate runs --db ratings.sqlite --json
      """
  )

  @OptionGroup var database: DatabaseOption

  @Option(parsing: .unconditional, help: "Show only the newest N runs.")
  var limit: Int?

  @Flag(help: "Print one JSON array of run objects (newest first) instead of a table.")
  var json = false

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more, not \(limit)") }
  }

  func run() throws {
    let store = try database.open(.readOnly)
    var runs: [RunInfo]
    var stopReasons: [Int64: String] = [:]
    do {
      runs = try store.runs().reversed()
      if let limit, runs.count > limit { runs.removeLast(runs.count - limit) }
      for run in runs where run.kind == .batch {
        stopReasons[run.id] = try store.batchState(runID: run.id).stopReason
      }
    } catch {
      throw database.fail(error)
    }
    if json {
      var out = JSONWriter(capacity: 512 * runs.count + 2)
      out.runs(runs, stopReasons: stopReasons)
      out.byte(UInt8(ascii: "\n"))
      Console.write(out.bytes)
    } else if runs.isEmpty {
      Console.line("no runs in \(database.path)")
    } else {
      // A batch run marked running that no process holds (its lock dies with its
      // process): killed or crashed, waiting for `--resume` or `--abandon`.
      let lockPath = database.path + "-lock"
      let stale = Set(
        runs.filter {
          $0.kind == .batch && $0.status == .running
            && FileLock.isHeld(path: lockPath, index: $0.id) == false
        }.map(\.id))
      Console.write(Array(RunsCommand.table(runs, stale: stale).rendered().utf8))
      for id in stale.sorted() {
        Console.line(
          "note: run \(id) is marked running but no process is running it (killed?): "
            + "`greenrate batch --resume \(id) ...` carries it on, `greenrate batch --abandon "
            + "\(id) --db \(database.path)` gives it up")
      }
    }
  }

  /// The runs as an aligned table.
  static func table(_ runs: [RunInfo], stale: Set<Int64> = []) -> TextTable {
    // A failed run's reason, in a last column shown only when some run has one.
    let reasons = runs.contains { $0.failure != nil }
    var columns: [TextTable.Column] = [
      .init("RUN", .right), .init("KIND"), .init("STATUS"), .init("AS OF"), .init("READ", .right),
      .init("SCORED", .right), .init("REJECTED", .right), .init("RULE SET"), .init("SHA256"),
      .init("STARTED"), .init("DURATION", .right), .init("INPUT"),
    ]
    if reasons { columns.append(.init("REASON")) }
    var table = TextTable(columns)
    for run in runs {
      var row = [
        String(run.id), run.kind.rawValue,
        stale.contains(run.id) ? "running (stale)" : run.status.rawValue, run.asOf,
        String(run.recordsRead),
        String(run.recordsScored), String(run.recordsRejected),
        "\(run.ruleset) \(run.rulesetVersion)", String(run.rulesetSHA256.prefix(12)),
        run.startedAt, duration(run).map(RunsCommand.format) ?? "-", run.input ?? "-",
      ]
      if reasons { row.append(run.failure ?? "") }
      table.append(row)
    }
    return table
  }

  /// Whole seconds from start to finish; nil while unfinished or if a time is unreadable.
  static func duration(_ run: RunInfo) -> Int? {
    guard let finished = run.finishedAt.flatMap(seconds), let started = seconds(run.startedAt)
    else { return nil }
    return max(0, finished - started)
  }

  /// `7s`, `4m 05s`, `2h 03m`.
  static func format(_ seconds: Int) -> String {
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
    if seconds < 60 { return "\(seconds)s" }
    if seconds < 3600 { return "\(seconds / 60)m \(two(seconds % 60))s" }
    return "\(seconds / 3600)h \(two(seconds % 3600 / 60))m"
  }

  /// Seconds since the epoch of `YYYY-MM-DDTHH:MM:SSZ`.
  static func seconds(_ time: String) -> Int? {
    let bytes = Array(time.utf8)
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
      let day = Day.parse(bytes[0..<10])
    else { return nil }
    func field(_ at: Int) -> Int? {
      let (a, b) = (Int(bytes[at]) - 48, Int(bytes[at + 1]) - 48)
      return (0...9).contains(a) && (0...9).contains(b) ? a * 10 + b : nil
    }
    guard let h = field(11), let m = field(14), let s = field(17) else { return nil }
    return day * 86_400 + h * 3600 + m * 60 + s
  }
}
