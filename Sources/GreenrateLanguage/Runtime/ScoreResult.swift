/// Everything one record's evaluation produced, as plain values.
///
/// Allocates; the batch reads the `Evaluator` directly instead. Used by `score`,
/// `test`, `rescore`, `explain` and the tests.
package struct ScoreResult: Hashable, Sendable {
  package struct FactorScore: Hashable, Sendable {
    package var name: String
    package var points: Double
    /// Index of the band that matched in `FactorInfo.bands`.
    package var band: Int
    package var reason: String?
  }

  package var key: Text
  package var score: Double
  package var rating: String
  /// Index of the rating band that matched (labels may repeat across bands).
  package var ratingIndex: Int = 0
  package var eligible: Bool
  /// Reason codes ordered by shortfall, largest first, ties in factor order.
  package var reasons: [String]
  package var knockouts: [String]
  package var denials: [String]
  package var factors: [FactorScore]
  /// Output names and values, in declaration order.
  package var outputs: [(name: String, value: Value)]

  package static func == (a: ScoreResult, b: ScoreResult) -> Bool {
    a.key == b.key && a.score == b.score && a.rating == b.rating && a.eligible == b.eligible
      && a.reasons == b.reasons && a.knockouts == b.knockouts && a.denials == b.denials
      && a.factors == b.factors && a.outputs.map(\.name) == b.outputs.map(\.name)
      && a.outputs.map(\.value) == b.outputs.map(\.value)
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(key)
    hasher.combine(score)
    hasher.combine(rating)
  }
}
