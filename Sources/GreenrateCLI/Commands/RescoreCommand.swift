import ArgumentParser
import Foundation
import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// `greenrate rescore MERCHANT_ID`: re-score one merchant from its stored record.
struct RescoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rescore",
    abstract: "Re-score one merchant from its stored record, with fields overridden.",
    discussion: """
      Takes the merchant's record as last received by a batch or rescore, replaces the \
      fields given with --set (each VALUE decoded like a CSV cell: empty = missing, a set \
      as `A;B`), scores it with the rules and stores the result as a new run of kind \
      `rescore` — which current_ratings then shows — along with the updated record, so \
      the next rescore starts from it. Prints the result as `greenrate score` does.

      The rules default to the rule file recorded by the run that stored the record, \
      read again now so that edits to it apply; the as-of date defaults to today in UTC. \
      Safe to run while a batch is writing the same database.

      An officer's --set values are kept as overrides (with --reason) until cleared \
      with --clear FIELD or --clear-overrides: every later rescore applies them again, \
      and so does every batch that brings newer data for the merchant (a rescore run \
      right after it), so they never vanish silently. `explain` shows them. A rescore \
      always starts from the freshest record: if a batch commits newer data for the \
      merchant while it scores, it reads the record again.

      Exit codes: 0 scored; 1 unknown merchant, unreadable or invalid rules, a record \
      the rules cannot score, or a database error; 64 bad usage (including a --set that \
      names no input or whose value does not decode).

      Examples:
        greenrate rescore M00012345 --db ratings.sqlite
        greenrate rescore M00012345 --set 'certifications=ISO14001;CEL'
        greenrate rescore M00012345 --set electricity_kwh= --as-of 2026-12-01
        greenrate rescore M00012345 --rules Rules/sme-green.rules
        greenrate rescore M00012345 --set on_dishonest_list=no --reason 'court list error'
        greenrate rescore M00012345 --clear on_dishonest_list
      """
  )

  @Argument(help: "The merchant's id (its key as the records give it).")
  var merchantID: String

  @OptionGroup var database: DatabaseOption

  @Option(
    help: ArgumentHelp(
      "The rule file (default: the one the record's run used, read again now).",
      valueName: "RULES"))
  var rules: String?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a field, decoded like a CSV cell (repeatable; empty VALUE = missing).",
      valueName: "FIELD=VALUE"))
  var overrides: [String] = []

  @Option(
    help: ArgumentHelp("Why the fields are set (kept with the overrides).", valueName: "TEXT"))
  var reason: String?

  @Option(
    name: .customLong("clear"),
    help: ArgumentHelp(
      "Clear the officer's override of this field (repeatable).", valueName: "FIELD"))
  var clear: [String] = []

  @Flag(help: "Clear all of the merchant's overrides.")
  var clearOverrides = false

  @OptionGroup var asOf: AsOfOption

  func validate() throws {
    if merchantID.isEmpty { throw ValidationError("MERCHANT_ID cannot be empty") }
    if let reason, reason.isEmpty { throw ValidationError("--reason cannot be empty") }
    do {
      _ = try parsedOverrides()
    } catch {
      throw ValidationError(error.message)
    }
  }

  func run() throws {
    let store = try database.open(.existing)
    // A batch may commit fresher data for the merchant while this scores: then read the
    // record again (a few times at most; each try is milliseconds).
    for _ in 0..<5 {
      if try rescoreOnce(store) { return }
    }
    throw ExitCode.failure("merchant `\(merchantID)` kept receiving newer records; try again")
  }

  /// One read-score-write; false when a fresher record arrived before the write.
  private func rescoreOnce(_ store: Store) throws -> Bool {
    let stored: StoredRecord
    let recorded: [Store.Override]
    do {
      guard let found = try store.latestRecord(merchantID: merchantID) else {
        if let reject = try store.latestReject(merchantID: merchantID) {
          // A record that never decoded is not stored: there is nothing to start from.
          throw ExitCode.failure(
            "merchant `\(merchantID)` has no stored record: run \(reject.runID) rejected "
              + "it (line \(reject.line)): \(reject.message)")
        }
        throw ExitCode.failure(
          "unknown merchant `\(merchantID)`: no run in \(database.path) received a "
            + "record for it")
      }
      stored = found
      recorded = try store.overrides(merchantID: merchantID)
    } catch let error as SQLiteError {
      throw database.fail(error)
    }

    let rulesPath = rules ?? stored.rulesPath
    let (program, rulesText) = try loadRules(rulesPath, recordedBy: rules == nil ? stored : nil)
    let given = try parsedOverrides()
    // The officer's earlier overrides, then this command's --set over them.
    var applied: [(FieldOverride, RescoreDetails.Change.Source)] = []
    for o in recorded where !clearOverrides && !clear.contains(o.field) {
      guard !given.contains(where: { $0.field == o.field }) else { continue }
      guard program.layout.field(named: o.field) != nil else {
        Console.error(
          "note: the override \(o.field)=\(o.value) is kept but not applied: the rules have no "
            + "input \(o.field)")
        continue
      }
      applied.append((FieldOverride(field: o.field, value: o.value), .override))
    }
    // A cleared override goes back to what the merchant's latest batch record says.
    let cleared = recorded.filter { o in
      (clearOverrides || clear.contains(o.field)) && !given.contains { $0.field == o.field }
        && program.layout.field(named: o.field) != nil
    }
    if !cleared.isEmpty {
      let batch: StoredRecord?
      do {
        batch = try store.latestRecord(merchantID: merchantID, fromBatch: true)
      } catch {
        throw database.fail(error)
      }
      for o in cleared {
        let value = batch?.value(named: o.field).map(StoredRecord.cellText) ?? ""
        applied.append((FieldOverride(field: o.field, value: value), .cleared))
      }
    }
    applied += given.map { ($0, .set) }
    let prepared: Rescorer.Prepared
    do {
      prepared = try Rescorer(program: program).prepare(stored, overrides: applied.map(\.0))
    } catch {
      throw ExitCode.failure(error)
    }

    let asOfDay = asOf.day
    let evaluator = Evaluator(program: program, asOf: asOfDay)
    let failure = evaluator.evaluate(prepared.records, row: 0)
    var details = RescoreDetails(baseRun: stored.sourceRun, reason: reason)
    details.changes = Rescorer.changes(stored, applied)
    details.keepOverrides = given.map { ($0.field, $0.value) }
    details.clearOverrides = clear
    details.clearAll = clearOverrides
    details.rulesText = rulesText
    do {
      let written = try store.writeRescore(
        program: program, rulesPath: rules.map(ShippedFiles.absolute) ?? stored.rulesPath,
        asOf: asOfDay, records: prepared.records, row: 0, evaluator: evaluator, error: failure,
        details: details, carried: prepared.carried)
      if written == nil { return false }
    } catch {
      throw database.fail(error)
    }
    for note in prepared.notes { Console.error("note: \(note)") }

    var out = JSONWriter(capacity: 1024)
    if let failure {
      out.rejected(line: prepared.records.lines[0], error: failure.description)
    } else {
      let keyName = program.layout.fields[program.layout.keyField].name
      out.result(evaluator.result(key: Text(stored.merchantID)), keyName: keyName)
    }
    out.byte(UInt8(ascii: "\n"))
    Console.write(out.bytes)
    if failure != nil { throw ExitCode(1) }
    return true
  }

  private func parsedOverrides() throws(RescoreError) -> [FieldOverride] {
    var parsed: [FieldOverride] = []
    for argument in overrides { parsed.append(try FieldOverride(parsing: argument)) }
    return parsed
  }

  /// Reads and compiles the rules; every error is printed and exits 1. `stored` is the
  /// record whose run recorded the path, when the path was not given.
  private func loadRules(_ path: String, recordedBy stored: StoredRecord?) throws
    -> (Program, [UInt8])
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      if let stored {
        throw ExitCode.failure(
          "cannot read the rule file `\(path)` recorded by run \(stored.runID) "
            + "(give one with --rules RULES)")
      }
      throw ExitCode.failure("cannot read `\(path)`")
    }
    do {
      return (try Program.compile(source: [UInt8](data), file: path), [UInt8](data))
    } catch {
      throw ExitCode.failure(error)
    }
  }

}
