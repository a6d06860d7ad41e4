import GreenrateLanguage
import GreenrateReaders

/// The `expect_*` fields of one test case, and how a result measures up to them.
package struct CaseExpectation {
  /// The extra fields a case file may hold, in the order `init` expects them.
  package static let fieldNames = [
    "expect_rating", "expect_eligible", "expect_score", "expect_reasons",
  ]

  let rating: ExtraField
  let eligible: ExtraField
  let score: ExtraField
  let reasons: ExtraField

  package init(_ extras: ArraySlice<ExtraField>) {
    let e = Array(extras)
    rating = e.count > 0 ? e[0] : .missing
    eligible = e.count > 1 ? e[1] : .missing
    score = e.count > 2 ? e[2] : .missing
    reasons = e.count > 3 ? e[3] : .missing
  }

  /// Whether the case states no expectation at all (a case that checks nothing is an
  /// error, not a pass).
  package var isEmpty: Bool {
    [rating, eligible, score, reasons].allSatisfy { field in
      switch field {
      case .missing: return true
      case .text(let s): return s.isEmpty
      default: return false
      }
    }
  }

  /// One line per field that differs: field, expected, actual.
  package func mismatches(_ r: ScoreResult) -> [String] {
    var out: [String] = []
    switch rating {
    case .missing: break
    case .text(let s) where s == r.rating: break
    default: out.append("expect_rating: expected \(show(rating)), actual \"\(r.rating)\"")
    }
    switch eligible {
    case .missing: break
    case .bool(let b) where b == r.eligible: break
    case .text(let s) where Self.cellBool(s) == r.eligible: break
    default: out.append("expect_eligible: expected \(show(eligible)), actual \(r.eligible)")
    }
    switch score {
    case .missing: break
    case .number(let x) where abs(x - r.score) <= 1e-9: break
    case .text(let s) where Self.cellNumber(s).map { abs($0 - r.score) <= 1e-9 } == true: break
    default: out.append("expect_score: expected \(show(score)), actual \(Self.number(r.score))")
    }
    let actualReasons = r.reasons.joined(separator: ";")
    switch reasons {
    case .missing: break
    case .list(let l) where l == r.reasons: break
    case .text(let s) where Self.codes(s) == r.reasons: break
    default: out.append("expect_reasons: expected \(show(reasons)), actual \"\(actualReasons)\"")
    }
    return out
  }

  private static func number(_ x: Double) -> String {
    var w = JSONWriter(capacity: 24)
    w.number(x)
    return w.text
  }

  /// A CSV cell as a bool, by the same rules as any record's cell.
  private static func cellBool(_ s: String) -> Bool? {
    if case .success(.bool(let b)) = CellDecoder.decode(s, as: .bool) { return b }
    return nil
  }

  /// A CSV cell as a number, by the same rules as any record's cell.
  private static func cellNumber(_ s: String) -> Double? {
    if case .success(.number(let x)) = CellDecoder.decode(s, as: .number) { return x }
    return nil
  }

  private static func codes(_ s: String) -> [String] {
    s.split(separator: ";").map { item in
      String(
        item.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
      )
    }.filter { !$0.isEmpty }
  }

  private func show(_ e: ExtraField) -> String {
    switch e {
    case .missing: return "nothing"
    case .text(let s): return "\"\(s)\""
    case .number(let x): return Self.number(x)
    case .bool(let b): return "\(b)"
    case .list(let l): return "\"\(l.joined(separator: ";"))\""
    }
  }
}
