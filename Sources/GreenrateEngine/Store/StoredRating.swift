import GreenrateLanguage

/// A merchant's rating as stored by a run, with everything `explain` shows.
public struct StoredRating: Sendable {
  /// One factor's result, described by the run's own rule set (not today's file).
  public struct Factor: Sendable {
    public var name: String
    public var title: String?
    public var points: Double
    /// Index of the matched band in `bands`.
    public var band: Int
    public var bands: [Band]
    /// The highest points of any band.
    public var best: Double

    /// The band that matched, if the run's factor info has it.
    public var matchedBand: Band? { band >= 0 && band < bands.count ? bands[band] : nil }
  }

  /// One band of a factor as the run's rule file declared it.
  public struct Band: Sendable {
    public var points: Double
    public var reason: String?
    public var location: SourceLocation
    public var isElse: Bool
  }

  /// The run that produced the rating (its fingerprint: `run.ruleset`, `.rulesetVersion`,
  /// `.rulesetSHA256`).
  public var run: RunInfo
  public var merchantID: String
  /// The input line the record started on.
  public var line: Int
  public var score: Double
  public var rating: String
  public var eligible: Bool
  public var reasons: [String]
  public var knockouts: [String]
  public var denials: [String]
  public var factors: [Factor]
  /// Output names and values (as stored JSON), in declaration order.
  public var outputs: [StoredJSON.Member]
  /// The `outputs` column as stored.
  public var outputsJSON: String
  /// The input values used, by the run's input fields.
  public var inputs: [(field: StoredField, value: Value)]
}
