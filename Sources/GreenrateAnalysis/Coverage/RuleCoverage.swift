import GreenrateLanguage

/// What a rule file's test cases reach: which factor bands matched, which knockouts
/// and deny lines fired, which rating bands were given (`test --coverage`).
///
/// Every scored case counts, passing or failing; a band is reached when it is the one
/// that matched (a band shadowed by an earlier one is never reached).
package struct RuleCoverage: Sendable {
  /// One part of the rule file no case reached.
  package struct Gap: Sendable, Equatable {
    package var line: Int
    /// The text after `FILE:LINE: `.
    package var message: String
  }

  package let program: Program
  /// Per factor, per band: matched at least once.
  private var bands: [[Bool]]
  private var knockouts: [Bool]
  private var denials: [Bool]
  private var ratings: [Bool]

  package init(program: Program) {
    self.program = program
    bands = program.factors.map { Array(repeating: false, count: $0.bands.count) }
    knockouts = Array(repeating: false, count: program.knockoutCodes.count)
    denials = Array(repeating: false, count: program.denialCodes.count)
    ratings = Array(repeating: false, count: program.ratingLabels.count)
  }

  /// Counts one scored case.
  package mutating func record(_ result: ScoreResult) {
    for (f, factor) in result.factors.enumerated()
    where f < bands.count && factor.band >= 0 && factor.band < bands[f].count {
      bands[f][factor.band] = true
    }
    for code in result.knockouts {
      for (i, c) in program.knockoutCodes.enumerated() where c == code { knockouts[i] = true }
    }
    for code in result.denials {
      for (i, c) in program.denialCodes.enumerated() where c == code { denials[i] = true }
    }
    if result.ratingIndex >= 0 && result.ratingIndex < ratings.count {
      ratings[result.ratingIndex] = true
    }
  }

  /// The parts never reached, in file order.
  package var gaps: [Gap] {
    var gaps: [(SourceLocation, String)] = []
    for (f, factor) in program.factors.enumerated() {
      for (b, band) in factor.bands.enumerated() where !bands[f][b] {
        gaps.append((band.location, "band never matched in factor \"\(factor.name)\""))
      }
    }
    for (i, code) in program.knockoutCodes.enumerated() where !knockouts[i] {
      gaps.append((location(program.knockoutLocations, i), "knockout \"\(code)\" never fired"))
    }
    for (i, code) in program.denialCodes.enumerated() where !denials[i] {
      gaps.append((location(program.denialLocations, i), "deny \"\(code)\" never fired"))
    }
    for (i, label) in program.ratingLabels.enumerated() where !ratings[i] {
      gaps.append((location(program.ratingLocations, i), "rating \"\(label)\" never given"))
    }
    return gaps.sorted { a, b in
      a.0.line != b.0.line ? a.0.line < b.0.line : a.0.column < b.0.column
    }.map { Gap(line: $0.0.line, message: $0.1) }
  }

  private func location(_ list: [SourceLocation], _ i: Int) -> SourceLocation {
    i < list.count ? list[i] : SourceLocation(line: 0, column: 0)
  }

  package var bandsReached: Int { bands.reduce(0) { $0 + $1.filter { $0 }.count } }
  package var bandTotal: Int { bands.reduce(0) { $0 + $1.count } }
  package var knockoutsReached: Int { knockouts.filter { $0 }.count }
  package var denialsReached: Int { denials.filter { $0 }.count }
  package var ratingsReached: Int { ratings.filter { $0 }.count }

  /// All parts reached over all parts, in percent (100 for a file with no parts).
  package var percent: Double {
    let total = bandTotal + knockouts.count + denials.count + ratings.count
    let reached = bandsReached + knockoutsReached + denialsReached + ratingsReached
    return total > 0 ? 100 * Double(reached) / Double(total) : 100
  }

  /// `coverage: bands B/BT, knockouts K/KT, denials D/DT, ratings R/RT (P%)`.
  package var summaryLine: String {
    "coverage: bands \(bandsReached)/\(bandTotal), knockouts \(knockoutsReached)/\(knockouts.count), "
      + "denials \(denialsReached)/\(denials.count), ratings \(ratingsReached)/\(ratings.count) "
      + "(\(Figures.fixed(percent, 1))%)"
  }

  /// The gap lines (`FILE:LINE: ...`) and the summary line, as `test --coverage` prints
  /// them.
  package func lines(file: String) -> [String] {
    gaps.map { "\(file):\($0.line): \($0.message)" } + [summaryLine]
  }
}
