/// `--max-rejects`: a number of records, or a percentage of the records read.
package enum RejectLimit: Sendable, Equatable, CustomStringConvertible {
  /// More than this many rejected records fail the run (checked at every commit).
  case count(Int)
  /// More than this percentage (0...100) of the records read fail the run (checked
  /// when the input ends: early chunks are no sample of a whole file).
  case percent(Double)

  /// Parses `12` or `5%` / `0.5%`.
  package init(parsing text: String) throws(BatchError) {
    if text.hasSuffix("%") {
      let number = text.dropLast()
      guard !number.isEmpty, number.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }),
        let value = Double(String(number)), value.isFinite, (0...100).contains(value)
      else {
        throw BatchError("a percentage must be between 0% and 100%, not `\(text)`")
      }
      self = .percent(value)
      return
    }
    guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text)
    else {
      throw BatchError(
        "give a number of records (0 or more) or a percentage such as 5%, not `\(text)`")
    }
    self = .count(value)
  }

  package var description: String {
    switch self {
    case .count(let n): return String(n)
    case .percent(let p): return BatchSummary.fixed(p, digits: p == p.rounded() ? 0 : 2) + "%"
    }
  }
}
