/// A type-checked expression: every node knows its static type and where it stands.
///
/// The checker produces these from the parsed syntax; the compiler turns them into
/// closures. Names are already resolved to indexes, so nothing is looked up by name
/// after checking.
struct CheckedExpr {
  var type: ValueType
  var location: SourceLocation
  var node: CheckedNode
}

/// What a name refers to once resolved.
enum Symbol: Hashable {
  case input(Int)  // index into CheckedRuleSet.inputs
  case letValue(Int)  // index into CheckedRuleSet.lets
  case factor(Int)  // index into CheckedRuleSet.factors (its points)
  case output(Int)  // index into CheckedRuleSet.outputs
  case asOf, score, knockedOut, rating, eligible
}

enum ArithmeticOperator { case add, subtract, multiply, divide }
enum ComparisonOperator { case less, lessEqual, greater, greaterEqual, equal, notEqual }

/// The built-in functions, with their compile-time arguments folded in.
enum Function {
  case min, max, abs, floor, ceil, sqrt, ln, log10
  case round(digits: Int)  // the digits literal, 0–10, checked already; only x is an argument
  case clamp, yearsSince, daysSince
  case count, length, lower, upper, startsWith, endsWith, contains, substr
}

indirect enum CheckedNode {
  case number(Double)
  case text(Text)
  case bool(Bool)
  /// A `date("YYYY-MM-DD")` literal, as a day number (see `Day`).
  case date(Int)
  case reference(Symbol)
  /// `[a, b, ...]`: items are `text`.
  case list([CheckedExpr])
  /// `table[key]`; the result type (optional or not) is the node's type.
  case lookup(table: Int, key: CheckedExpr)
  /// `key in table` (membership of the table's keys).
  case inTable(table: Int, key: CheckedExpr)
  /// `x in set`.
  case inSet(CheckedExpr, CheckedExpr)
  case negate(CheckedExpr)
  case not(CheckedExpr)
  case arithmetic(ArithmeticOperator, CheckedExpr, CheckedExpr)
  /// Operands have the same type: numbers or dates for ordering; any non-optional for `==`/`!=`.
  case comparison(ComparisonOperator, CheckedExpr, CheckedExpr)
  case and(CheckedExpr, CheckedExpr)
  case or(CheckedExpr, CheckedExpr)
  /// `x ?? y`.
  case coalesce(CheckedExpr, CheckedExpr)
  /// `x is missing` (or `is not missing` when negated).
  case isMissing(CheckedExpr, negated: Bool)
  case conditional(CheckedExpr, then: CheckedExpr, else: CheckedExpr)
  /// A call; `location` of the enclosing CheckedExpr is the function name's.
  case call(Function, [CheckedExpr])
}
