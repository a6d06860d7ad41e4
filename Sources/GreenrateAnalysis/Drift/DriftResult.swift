/// Everything `greenrate drift` found, computed once from two runs' populations (see
/// `DriftResult.init(run:baseline:)`); rendered by `DriftResult+JSON`, `+Text`, the
/// batch summary's drift line and the report.
public struct DriftResult: Sendable, Equatable {
  public enum Status: String, Sendable {
    case stable, moderate, significant

    /// From the larger of the score and rating PSI.
    public init(psi: Double) {
      self = psi < 0.1 ? .stable : psi < 0.25 ? .moderate : .significant
    }
  }

  /// A score decile bin of the baseline; shares before the 0.0001 substitution.
  public struct Bin: Sendable, Equatable {
    /// `e_k`; nil for the last bin.
    public var upper: Double?
    public var baseline: Double
    public var run: Double
  }

  public struct RatingShare: Sendable, Equatable {
    public var rating: String
    public var baseline: Double
    public var run: Double
  }

  public struct FactorDrift: Sendable, Equatable {
    public var name: String
    public var psi: Double
    /// Per band position: the baseline's and the run's share.
    public var baseline: [Double]
    public var run: [Double]
  }

  public var runID: Int64
  public var baselineID: Int64
  /// Both runs used the same rule file (same SHA-256).
  public var sameRules: Bool
  public var runCount: Int
  public var baselineCount: Int
  public var scorePSI: Double
  public var ratingPSI: Double
  public var status: Status
  public var bins: [Bin]
  public var ratings: [RatingShare]
  public var factors: [FactorDrift]
  /// Both runs' scores, for a histogram.
  public var runScores: SortedValues
  public var baselineScores: SortedValues
}
