/// Everything `greenrate drift` found, computed once from two runs' populations (see
/// `DriftResult.init(run:baseline:)`); rendered by `DriftResult+JSON`, `+Text`, the
/// batch summary's drift line and the report.
package struct DriftResult: Sendable, Equatable {
  package enum Status: String, Sendable {
    case stable, moderate, significant

    /// From the larger of the score and rating PSI.
    package init(psi: Double) {
      self = psi < 0.1 ? .stable : psi < 0.25 ? .moderate : .significant
    }
  }

  /// A score decile bin of the baseline; shares before the 0.0001 substitution.
  package struct Bin: Sendable, Equatable {
    /// `e_k`; nil for the last bin.
    package var upper: Double?
    package var baseline: Double
    package var run: Double
  }

  package struct RatingShare: Sendable, Equatable {
    package var rating: String
    package var baseline: Double
    package var run: Double
  }

  package struct FactorDrift: Sendable, Equatable {
    package var name: String
    package var psi: Double
    /// Per band position: the baseline's and the run's share.
    package var baseline: [Double]
    package var run: [Double]
  }

  package var runID: Int64
  package var baselineID: Int64
  /// Both runs used the same rule file (same SHA-256).
  package var sameRules: Bool
  package var runCount: Int
  package var baselineCount: Int
  package var scorePSI: Double
  package var ratingPSI: Double
  package var status: Status
  package var bins: [Bin]
  package var ratings: [RatingShare]
  package var factors: [FactorDrift]
  /// Both runs' scores, for a histogram.
  package var runScores: SortedValues
  package var baselineScores: SortedValues
}
