import ArgumentParser
import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// `greenrate explain MERCHANT_ID`: how a merchant's rating came about.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a merchant's rating: factors, bands, codes, outputs and inputs.",
    discussion: """
      Shows the merchant's current rating (from the latest completed run that rated it, \
      as current_ratings does) or the one of --run: rating, score and eligibility; each \
      factor's points out of its best, with the band that matched and its reason; \
      knockouts, denials and outputs; the input values that run scored; and the run, \
      its as-of date and its rule set's name, version and SHA-256 fingerprint.

      Everything comes from the database, as the run stored it, so an old run is \
      explained with its own inputs and rule set even after both have changed: each \
      run keeps its rule file's text (once per SHA-256), so the band's condition is \
      quoted from the run's own rules even after the file was edited.

      Exit codes: 0 shown; 1 unknown merchant, no rating (a rejected record says why), \
      no such run, or a database error; 64 bad usage.

      Examples:
        greenrate explain M00012345 --db ratings.sqlite
        greenrate explain M00012345 --db ratings.sqlite --run 3
        greenrate explain M00012345 --db ratings.sqlite --json | jq .factors
      """
  )

  @Argument(help: "The merchant's id.")
  var merchantID: String

  @OptionGroup var database: DatabaseOption

  @Option(
    name: .customLong("run"), parsing: .unconditional,
    help: ArgumentHelp(
      "Explain the rating of this run (default: the current one).", valueName: "RUN_ID"))
  var runID: Int64?

  @Flag(help: "Print one JSON object instead of text.")
  var json = false

  func validate() throws {
    if merchantID.isEmpty { throw ValidationError("MERCHANT_ID cannot be empty") }
    if let runID, runID < 1 {
      throw ValidationError("--run must be a run id (1 or more), not \(runID)")
    }
  }

  func run() throws {
    let store = try database.open(.readOnly)
    let found: StoredRating?
    do {
      found = try store.rating(merchantID: merchantID, runID: runID)
    } catch {
      throw database.fail(error)
    }
    guard let rating = found else {
      let reason: String
      do {
        reason = try whyNoRating(store)
      } catch {
        throw database.fail(error)
      }
      throw ExitCode.failure(reason)
    }
    // The rule text the database kept for the run; else the file, if still the same.
    let kept = try? store.ruleFileText(sha256: rating.run.rulesetSHA256)
    let source =
      kept.flatMap { RuleSource(text: $0, sha256: rating.run.rulesetSHA256) }
      ?? RuleSource(path: rating.run.rulesPath, sha256: rating.run.rulesetSHA256)
    var explanation = Explanation(rating: rating, source: .some(source))
    do {
      explanation.overrides = try store.overrides(merchantID: merchantID)
      if rating.run.kind == .rescore {
        explanation.changes = try store.rescoreChanges(runID: rating.run.id)
      }
    } catch {
      throw database.fail(error)
    }
    if json {
      Console.line(explanation.json)
    } else {
      Console.write(Array(explanation.text.utf8))
    }
  }

  /// One line saying why there is no rating to explain.
  private func whyNoRating(_ store: Store) throws(SQLiteError) -> String {
    let who = "merchant `\(merchantID)`"
    if let runID {
      if let when = try store.prunedAt(runID: runID) {
        return
          "run \(runID) was pruned on \(when) (greenrate prune): its ratings are no longer kept"
      }
      guard try store.run(id: runID) != nil else { return "no run \(runID) in \(database.path)" }
      if let reject = try store.latestReject(merchantID: merchantID, runID: runID) {
        return "run \(runID) rejected \(who) (line \(reject.line)): \(reject.message)"
      }
      return "run \(runID) has no rating for \(who)"
    }
    let record = try store.latestRecord(merchantID: merchantID)
    if let reject = try store.latestReject(merchantID: merchantID),
      reject.runID >= record?.runID ?? 0
    {
      return "\(who) has no rating: run \(reject.runID) rejected it "
        + "(line \(reject.line)): \(reject.message)"
    }
    if let record {
      let status = try store.run(id: record.runID)?.status.rawValue ?? "unknown"
      return "\(who) has no rating from a completed run (run \(record.runID) is \(status))"
    }
    return "unknown merchant `\(merchantID)`: no run in \(database.path) received a record for it"
  }
}
