/// Steps that test a condition and use its result themselves: a deny line, a knockout or
/// a bool `let`. Calling a closure costs more than a simple condition does, so for the
/// shapes of `BoolOperand` the test is written inline into the step (one call instead of
/// two); other conditions are called as code.
extension Compiler {
  /// What a step does with its condition's result.
  ///
  /// A value type passed to the generic `conditionStep`, so each specialisation has
  /// `record` inlined into the step's closure.
  protocol ConditionSink: Sendable {
    func record(_ f: Frame, _ hit: Bool)
  }

  /// A deny line: its flag, and `eligible` cleared when it holds.
  struct DenialSink: ConditionSink {
    let denial: Int
    let eligibleSlot: Int

    @inline(__always)
    func record(_ f: Frame, _ hit: Bool) {
      f.denials[denial] = hit
      if hit { f.scalars[eligibleSlot] = 0 }
    }
  }

  /// A knockout: its flag, and `knocked_out` set when it holds.
  struct KnockoutSink: ConditionSink {
    let knockout: Int
    let knockedOutSlot: Int

    @inline(__always)
    func record(_ f: Frame, _ hit: Bool) {
      f.knockouts[knockout] = hit
      if hit { f.scalars[knockedOutSlot] = 1 }
    }
  }

  /// A bool let or output: 1 or 0 in its scalar register.
  struct BoolStoreSink: ConditionSink {
    let slot: Int

    @inline(__always)
    func record(_ f: Frame, _ hit: Bool) {
      f.scalars[slot] = hit ? 1 : 0
    }
  }

  /// A step testing `operand` (as `boolCode` would) and handing the result to `sink`.
  func conditionStep<Sink: ConditionSink>(_ operand: BoolOperand, _ sink: Sink) -> StepCode {
    switch operand {
    case .test(let s, let missing, let negated):
      switch (missing, negated) {
      case (false, false): return { f in sink.record(f, f.scalars[s] != 0) }
      case (false, true): return { f in sink.record(f, f.scalars[s] == 0) }
      case (true, false): return { f in sink.record(f, f.scalars[s].isNaN) }
      case (true, true): return { f in sink.record(f, !f.scalars[s].isNaN) }
      }
    case .orDefault(let s, let d, let negated):
      return { f in
        let v = f.scalars[s]
        sink.record(f, (v.isNaN ? d : v != 0) != negated)
      }
    case .mask(let m, let bit, let negated):
      if negated { return { f in sink.record(f, f.masks[m] & bit == 0) } }
      return { f in sink.record(f, f.masks[m] & bit != 0) }
    case .compare(let s, let d, let op, let c):
      switch op {
      case .less: return compareStep(LessOperation.self, s, d, c, sink)
      case .lessEqual: return compareStep(LessEqualOperation.self, s, d, c, sink)
      case .greater: return compareStep(GreaterOperation.self, s, d, c, sink)
      case .greaterEqual: return compareStep(GreaterEqualOperation.self, s, d, c, sink)
      case .equal: return compareStep(EqualOperation.self, s, d, c, sink)
      case .notEqual: return compareStep(NotEqualOperation.self, s, d, c, sink)
      }
    case .constant(let b):
      return { f in sink.record(f, b) }
    case .code(let c):
      return { f in sink.record(f, c(f)) }
    }
  }

  /// `(register s, or d when it is missing and d is not NaN) op c`, handed to `sink`.
  private func compareStep<Op: ScalarOperation, Sink: ConditionSink>(
    _: Op.Type, _ s: Int, _ d: Double, _ c: Double, _ sink: Sink
  ) -> StepCode where Op.Result == Bool {
    if d.isNaN { return { f in sink.record(f, Op.apply(f.scalars[s], c)) } }
    return { f in
      let x = f.scalars[s]
      sink.record(f, Op.apply(x.isNaN ? d : x, c))
    }
  }
}
