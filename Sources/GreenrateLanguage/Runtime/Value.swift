/// A value as results and explanations show it; the evaluator itself works on slots.
package enum Value: Hashable, Sendable {
  case missing
  case number(Double)
  case text(Text)
  case bool(Bool)
  /// A day number (see `Day`).
  case date(Int)
  case set(TextSet)
}

/// How scalar slots hold `number`, `bool` and `date` values (and their optionals).
///
/// One `Double` per slot: a number as itself, a bool as 0 or 1, a date as its day number
/// (exact in a double), and a missing value as NaN. NaN can stand for "missing" because
/// no valid value is ever NaN: decoders refuse it and a non-finite result is a runtime
/// error.
package enum Scalar {
  package static let missing = Double.nan

  @inlinable
  package static func isMissing(_ x: Double) -> Bool { x.isNaN }
}
