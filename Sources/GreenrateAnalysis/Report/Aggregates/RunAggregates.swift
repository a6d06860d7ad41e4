import GreenrateEngine

/// What `report` shows of one run: counts only, gathered in one pass over its rows.
public struct RunAggregates: Sendable {
  /// A code (reason, knockout, denial) and the merchants that got it.
  public struct CodeCount: Sendable, Equatable {
    public var code: String
    public var count: Int

    public init(code: String, count: Int) {
      self.code = code
      self.count = count
    }
  }

  /// One factor's bands as the run's rule file declared them, with how many
  /// merchants matched each.
  public struct FactorBands: Sendable {
    public var name: String
    public var title: String?
    public var bands: [StoredRating.Band]
    /// Merchants per band, in band order.
    public var counts: [Int]
  }

  /// One value of a `--by` field: its merchants, their ratings and how many are eligible.
  public struct Group: Sendable, Equatable {
    public var value: String
    public var merchants: Int
    /// Merchants per rating, in `RunAggregates.ratings` order.
    public var ratingCounts: [Int]
    public var eligible: Int
  }

  /// The rating mix and eligibility per value of one stored input.
  public struct Breakdown: Sendable {
    public var field: String
    /// The largest values (at most `RunAggregates.groupLimit`), by merchants descending,
    /// then value.
    public var groups: [Group]
    /// All the other values together, when there are any.
    public var other: Group?
    /// How many distinct values the field has (up to `distinctLimit`).
    public var distinctValues: Int
    /// Whether the field had more than `distinctLimit` values, in which case it is not
    /// broken down (`groups` is empty) rather than counted approximately.
    public var tooManyValues: Bool
  }

  /// The largest values a breakdown shows; the rest are "other".
  public static let groupLimit = 20
  /// Distinct values a breakdown counts exactly; a field with more (an id, an amount)
  /// is not one to break down by, and holding them would grow with the run.
  public static let distinctLimit = 10_000

  public var scored = 0
  public var eligible = 0
  /// Rating labels in the rule set's order (then any stored label it does not list)
  /// and their counts.
  public var ratings: [(label: String, count: Int)] = []
  /// Each distinct score and its count, by score.
  public var scores: [(score: Double, count: Int)] = []
  /// By count descending, then code; a merchant counts once per code.
  public var reasons: [CodeCount] = []
  public var knockouts: [CodeCount] = []
  public var denials: [CodeCount] = []
  public var factors: [FactorBands] = []
  public var breakdowns: [Breakdown] = []

  public init() {}
}
