/// A binary operation on scalars, as a type so each compiled closure is specialised for
/// exactly one operator (no per-record switch on the operator).
protocol ScalarOperation: SendableMetatype {
  associatedtype Result
  static func apply(_ a: Double, _ b: Double) -> Result
}

/// `+`
enum AddOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a + b }
}

/// `-`
enum SubtractOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a - b }
}

/// `*`
enum MultiplyOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a * b }
}

/// `/` (a zero divisor gives a non-finite result, which the caller reports).
enum DivideOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { a / b }
}

/// `<`
enum LessOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a < b }
}

/// `<=`
enum LessEqualOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a <= b }
}

/// `>`
enum GreaterOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a > b }
}

/// `>=`
enum GreaterEqualOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a >= b }
}

/// `==`
enum EqualOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a == b }
}

/// `!=`
enum NotEqualOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a != b }
}

/// `min(a, b)`
enum MinimumOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { Swift.min(a, b) }
}

/// `max(a, b)`
enum MaximumOperation: ScalarOperation {
  @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }
}
