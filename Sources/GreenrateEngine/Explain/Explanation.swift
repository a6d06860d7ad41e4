import GreenrateLanguage
import GreenrateStore

/// A stored rating made ready to show: the values `explain` prints, as text for a
/// person (`text`) or as JSON for a program (`json`).
package struct Explanation {
  package let rating: StoredRating
  /// The run's rule file, when it is unchanged (for quoting band conditions).
  let source: RuleSource?
  /// The officer's overrides now recorded for the merchant.
  package var overrides: [Store.Override] = []
  /// For a rescore run: the fields it set, from what to what.
  package var changes: [RescoreDetails.Change] = []

  /// The account of `rating`, quoting band conditions from `source` (by default the
  /// run's rule file, when that file is still byte for byte the run's).
  package init(rating: StoredRating, source: RuleSource?? = nil) {
    self.rating = rating
    self.source =
      source ?? RuleSource(path: rating.run.rulesPath, sha256: rating.run.rulesetSHA256)
  }

  /// The highest score the run's rule set allows: the sum of each factor's best band.
  package var bestScore: Double { rating.factors.reduce(0) { $0 + $1.best } }

  /// The matched band's condition as the rule file reads (`when ...` or `else`), if the
  /// file is still the run's.
  package func condition(_ factor: StoredRating.Factor) -> String? {
    guard let band = factor.matchedBand else { return nil }
    return source?.condition(at: band.location)
  }

  /// A number as results print it (`40`, `0.125`).
  package static func number(_ x: Double) -> String {
    var w = JSONWriter(capacity: 24)
    w.number(x)
    return w.text
  }

  /// An input value for a person: missing and empty values said in words.
  package static func shown(_ value: Value) -> String {
    switch value {
    case .missing: return "(missing)"
    case .text(let t): return t.string.isEmpty ? "\"\"" : t.string
    case .set(let s):
      return s.items.isEmpty ? "(empty set)" : s.items.map(\.string).joined(separator: "; ")
    default: return StoredRecord.cellText(value)
    }
  }

  /// A stored output value for a person.
  package static func shown(_ json: StoredJSON) -> String {
    switch json {
    case .null: return "(missing)"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x): return number(x)
    case .string(let s): return s.isEmpty ? "\"\"" : s
    case .array(let items):
      return items.isEmpty ? "(empty set)" : items.map(shown).joined(separator: "; ")
    case .object: return json.jsonText
    }
  }

  /// Codes as a list, or `none`.
  package static func codes(_ codes: [String]) -> String {
    codes.isEmpty ? "none" : codes.joined(separator: ", ")
  }
}
