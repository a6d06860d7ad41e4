/// Everything `greenrate compare` found, computed once: the figures the contract's JSON
/// holds, plus what a text table or an HTML report needs to draw them (every rating
/// label of both sides, the delta histogram). Rendered by `ComparisonResult+JSON`,
/// `ComparisonResult+Text` and the report; none of them computes anything.
package struct ComparisonResult: Sendable, Equatable {
  /// One side's rule set (`champion` / `challenger`).
  package struct RuleSet: Sendable, Equatable {
    package var name: String
    package var version: String
    package var sha256: String
    /// The champion run (database form); nil for a rule file.
    package var runID: Int64?
    /// The labels of its `rating` bands in order, first occurrence of each.
    package var ratingLabels: [String]

    package init(
      name: String, version: String, sha256: String, runID: Int64? = nil, ratingLabels: [String]
    ) {
      self.name = name
      self.version = version
      self.sha256 = sha256
      self.runID = runID
      self.ratingLabels = ratingLabels
    }
  }

  /// Merchants rated `from` by the champion and `to` by the challenger.
  package struct Migration: Sendable, Equatable {
    package var from: String
    package var to: String
    package var count: Int
  }

  package struct Eligibility: Sendable, Equatable {
    package var both = 0
    package var neither = 0
    /// Eligible under the challenger only.
    package var swapIn = 0
    /// Eligible under the champion only.
    package var swapOut = 0
  }

  package struct CodeCount: Sendable, Equatable {
    package var code: String
    package var count: Int
  }

  /// `challenger score − champion score` over the compared merchants.
  package struct ScoreDelta: Sendable, Equatable {
    /// Merchants with a delta ≠ 0.
    package var changed = 0
    package var mean = 0.0
    package var min = 0.0
    package var p5 = 0.0
    package var p50 = 0.0
    package var p95 = 0.0
    package var max = 0.0
  }

  package struct FactorShift: Sendable, Equatable {
    package var name: String
    /// Mean points over the compared merchants.
    package var championMean: Double
    package var challengerMean: Double
  }

  package var champion: RuleSet
  package var challenger: RuleSet
  /// `YYYY-MM-DD`.
  package var asOf: String
  package var compared: Int
  /// Records each side rejected (in the database form the champion's is the run's
  /// `records_rejected`).
  package var rejectedByChampion: Int
  package var rejectedByChallenger: Int
  /// Pairs with a count > 0, in the champion's rating order, then the challenger's.
  package var migration: [Migration]
  package var eligibility: Eligibility
  /// The challenger's denial and knockout codes among swap-out merchants, by count
  /// descending, then code.
  package var swapOutCodes: [CodeCount]
  /// The champion's codes among swap-in merchants, ordered the same way.
  package var swapInCodes: [CodeCount]
  package var scoreDelta: ScoreDelta
  /// Every distinct delta with its count, ascending (for a histogram).
  package var deltas: SortedValues
  /// Factors named in both rule sets, in the challenger's order.
  package var factors: [FactorShift]
  /// Lines worth telling whoever reads the result (e.g. why the challenger rejected
  /// stored records); not part of the JSON.
  package var notes: [String]

  /// The migration count for one pair (0 when absent).
  package func count(from: String, to: String) -> Int {
    migration.first { $0.from == from && $0.to == to }?.count ?? 0
  }
}
