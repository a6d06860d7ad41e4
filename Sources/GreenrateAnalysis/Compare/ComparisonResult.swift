/// Everything `greenrate compare` found, computed once: the figures the contract's JSON
/// holds, plus what a text table or an HTML report needs to draw them (every rating
/// label of both sides, the delta histogram). Rendered by `ComparisonResult+JSON`,
/// `ComparisonResult+Text` and the report; none of them computes anything.
public struct ComparisonResult: Sendable, Equatable {
  /// One side's rule set (`champion` / `challenger`).
  public struct RuleSet: Sendable, Equatable {
    public var name: String
    public var version: String
    public var sha256: String
    /// The champion run (database form); nil for a rule file.
    public var runID: Int64?
    /// The labels of its `rating` bands in order, first occurrence of each.
    public var ratingLabels: [String]

    public init(
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
  public struct Migration: Sendable, Equatable {
    public var from: String
    public var to: String
    public var count: Int
  }

  public struct Eligibility: Sendable, Equatable {
    public var both = 0
    public var neither = 0
    /// Eligible under the challenger only.
    public var swapIn = 0
    /// Eligible under the champion only.
    public var swapOut = 0
  }

  public struct CodeCount: Sendable, Equatable {
    public var code: String
    public var count: Int
  }

  /// `challenger score − champion score` over the compared merchants.
  public struct ScoreDelta: Sendable, Equatable {
    /// Merchants with a delta ≠ 0.
    public var changed = 0
    public var mean = 0.0
    public var min = 0.0
    public var p5 = 0.0
    public var p50 = 0.0
    public var p95 = 0.0
    public var max = 0.0
  }

  public struct FactorShift: Sendable, Equatable {
    public var name: String
    /// Mean points over the compared merchants.
    public var championMean: Double
    public var challengerMean: Double
  }

  public var champion: RuleSet
  public var challenger: RuleSet
  /// `YYYY-MM-DD`.
  public var asOf: String
  public var compared: Int
  /// Records each side rejected (in the database form the champion's is the run's
  /// `records_rejected`).
  public var rejectedByChampion: Int
  public var rejectedByChallenger: Int
  /// Pairs with a count > 0, in the champion's rating order, then the challenger's.
  public var migration: [Migration]
  public var eligibility: Eligibility
  /// The challenger's denial and knockout codes among swap-out merchants, by count
  /// descending, then code.
  public var swapOutCodes: [CodeCount]
  /// The champion's codes among swap-in merchants, ordered the same way.
  public var swapInCodes: [CodeCount]
  public var scoreDelta: ScoreDelta
  /// Every distinct delta with its count, ascending (for a histogram).
  public var deltas: SortedValues
  /// Factors named in both rule sets, in the challenger's order.
  public var factors: [FactorShift]
  /// Lines worth telling whoever reads the result (e.g. why the challenger rejected
  /// stored records); not part of the JSON.
  public var notes: [String]

  /// The migration count for one pair (0 when absent).
  public func count(from: String, to: String) -> Int {
    migration.first { $0.from == from && $0.to == to }?.count ?? 0
  }
}
