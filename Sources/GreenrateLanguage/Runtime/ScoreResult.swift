/// Everything one record's evaluation produced, as plain values.
///
/// Allocates; the batch reads the `Evaluator` directly instead. Used by `score`,
/// `test`, `rescore`, `explain` and the tests.
public struct ScoreResult: Hashable, Sendable {
  public struct FactorScore: Hashable, Sendable {
    public var name: String
    public var points: Double
    /// Index of the band that matched in `FactorInfo.bands`.
    public var band: Int
    public var reason: String?
  }

  public var key: Text
  public var score: Double
  public var rating: String
  /// Index of the rating band that matched (labels may repeat across bands).
  public var ratingIndex: Int = 0
  public var eligible: Bool
  /// Reason codes ordered by shortfall, largest first, ties in factor order.
  public var reasons: [String]
  public var knockouts: [String]
  public var denials: [String]
  public var factors: [FactorScore]
  /// Output names and values, in declaration order.
  public var outputs: [(name: String, value: Value)]

  public static func == (a: ScoreResult, b: ScoreResult) -> Bool {
    a.key == b.key && a.score == b.score && a.rating == b.rating && a.eligible == b.eligible
      && a.reasons == b.reasons && a.knockouts == b.knockouts && a.denials == b.denials
      && a.factors == b.factors && a.outputs.map(\.name) == b.outputs.map(\.name)
      && a.outputs.map(\.value) == b.outputs.map(\.value)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(key)
    hasher.combine(score)
    hasher.combine(rating)
  }
}
