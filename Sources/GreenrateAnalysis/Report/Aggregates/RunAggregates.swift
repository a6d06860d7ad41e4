import GreenrateEngine

/// What `report` shows of one run: counts only, gathered in one pass over its rows.
package struct RunAggregates: Sendable {
  /// A code (reason, knockout, denial) and the merchants that got it.
  package struct CodeCount: Sendable, Equatable {
    package var code: String
    package var count: Int

    package init(code: String, count: Int) {
      self.code = code
      self.count = count
    }
  }

  /// One factor's bands as the run's rule file declared them, with how many
  /// merchants matched each.
  package struct FactorBands: Sendable {
    package var name: String
    package var title: String?
    package var bands: [StoredRating.Band]
    /// Merchants per band, in band order.
    package var counts: [Int]
  }

  /// One value of a `--by` field: its merchants, their ratings and how many are eligible.
  package struct Group: Sendable, Equatable {
    package var value: String
    package var merchants: Int
    /// Merchants per rating, in `RunAggregates.ratings` order.
    package var ratingCounts: [Int]
    package var eligible: Int
  }

  /// The rating mix and eligibility per value of one stored input.
  package struct Breakdown: Sendable {
    package var field: String
    /// The largest values (at most `RunAggregates.groupLimit`), by merchants descending,
    /// then value.
    package var groups: [Group]
    /// All the other values together, when there are any.
    package var other: Group?
    /// How many distinct values the field has (up to `distinctLimit`).
    package var distinctValues: Int
    /// Whether the field had more than `distinctLimit` values, in which case it is not
    /// broken down (`groups` is empty) rather than counted approximately.
    package var tooManyValues: Bool
  }

  /// The largest values a breakdown shows; the rest are "other".
  package static let groupLimit = 20
  /// Distinct values a breakdown counts exactly; a field with more (an id, an amount)
  /// is not one to break down by, and holding them would grow with the run.
  package static let distinctLimit = 10_000

  package var scored = 0
  package var eligible = 0
  /// Rating labels in the rule set's order (then any stored label it does not list)
  /// and their counts.
  package var ratings: [(label: String, count: Int)] = []
  /// Each distinct score and its count, by score.
  package var scores: [(score: Double, count: Int)] = []
  /// By count descending, then code; a merchant counts once per code.
  package var reasons: [CodeCount] = []
  package var knockouts: [CodeCount] = []
  package var denials: [CodeCount] = []
  package var factors: [FactorBands] = []
  package var breakdowns: [Breakdown] = []

  package init() {}
}
