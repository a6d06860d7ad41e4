/// Scores records with a compiled `Program`; one per thread.
///
/// Owns its registers, so evaluating a record allocates nothing. After `evaluate`
/// returns nil, the accessors describe that record until the next call.
public final class Evaluator {
  public let program: Program
  /// The run's as-of date as a day number (see `Day`).
  public let asOf: Int

  public init(program: Program, asOf: Int) {
    self.program = program
    self.asOf = asOf
    // COMPILER-HELPER: allocate registers here.
  }

  /// Evaluates one row of `records`; nil on success, else the first runtime error.
  public func evaluate(_ records: RecordBuffer, row: Int) -> RuntimeError? {
    fatalError("COMPILER-HELPER: not yet implemented")
  }

  /// The sum of the factors' points.
  public var score: Double { fatalError("COMPILER-HELPER") }
  /// Index into `program.ratingLabels`.
  public var ratingIndex: Int { fatalError("COMPILER-HELPER") }
  public var eligible: Bool { fatalError("COMPILER-HELPER") }
  public func points(ofFactor factor: Int) -> Double { fatalError("COMPILER-HELPER") }
  /// Index of the matched band in `program.factors[factor].bands`.
  public func band(ofFactor factor: Int) -> Int { fatalError("COMPILER-HELPER") }
  public func knockout(_ index: Int) -> Bool { fatalError("COMPILER-HELPER") }
  public func denial(_ index: Int) -> Bool { fatalError("COMPILER-HELPER") }
  public func output(_ index: Int) -> Value { fatalError("COMPILER-HELPER") }
  /// Indexes of factors whose matched band has a reason, ordered by shortfall (largest
  /// first), ties in factor order. Reused between records.
  public var reasonOrder: ArraySlice<Int> { fatalError("COMPILER-HELPER") }

  /// The last record's result as plain values.
  public func result(key: Text) -> ScoreResult { fatalError("COMPILER-HELPER") }
}
