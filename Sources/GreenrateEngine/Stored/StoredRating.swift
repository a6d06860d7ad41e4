import GreenrateLanguage
import GreenrateStore

/// A merchant's rating as stored by a run, with everything `explain` shows.
package struct StoredRating: Sendable {
  /// One factor's result, described by the run's own rule set (not today's file).
  package struct Factor: Sendable {
    package var name: String
    package var title: String?
    package var points: Double
    /// Index of the matched band in `bands`.
    package var band: Int
    package var bands: [Band]
    /// The highest points of any band.
    package var best: Double

    /// The band that matched, if the run's factor info has it.
    package var matchedBand: Band? { band >= 0 && band < bands.count ? bands[band] : nil }
  }

  /// One band of a factor as the run's rule file declared it.
  package struct Band: Sendable {
    package var points: Double
    package var reason: String?
    package var location: SourceLocation
    package var isElse: Bool
  }

  /// The run that produced the rating (its fingerprint: `run.ruleset`, `.rulesetVersion`,
  /// `.rulesetSHA256`).
  package var run: RunInfo
  package var merchantID: String
  /// The input line the record started on.
  package var line: Int
  package var score: Double
  package var rating: String
  package var eligible: Bool
  package var reasons: [String]
  package var knockouts: [String]
  package var denials: [String]
  package var factors: [Factor]
  /// Output names and values (as stored JSON), in declaration order.
  package var outputs: [StoredJSON.Member]
  /// The `outputs` column as stored.
  package var outputsJSON: String
  /// The input values used, by the run's input fields.
  package var inputs: [(field: StoredField, value: Value)]
}
