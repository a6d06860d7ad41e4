/// Turns a `CheckedRuleSet` into closures over `Frame` registers.
///
/// Every name is resolved to a register, and every operator to a closure specialised
/// for its operands' shapes, here and once; scoring a record then runs the closures
/// without looking anything up by name.
struct Compiler {
  /// A value known while compiling: a scalar (number, date, bool as 0/1; NaN missing),
  /// a text (nil missing) or a set.
  enum Constant {
    case scalar(Double)
    case text(Text?)
    case set(TextSet)
  }

  /// Where a name's value is found at run time.
  enum Place {
    case scalar(Int)
    case text(Int)
    case inputText(Int)
    case set(Int)
    case inputSet(Int)
    case constant(Constant)
    /// The rating label, held as the index of the matched rating band.
    case rating
  }

  let rules: CheckedRuleSet
  let layout: RecordLayout
  let tables: [CompiledTable]
  let ratingLabels: [Text]
  let ratingLabelIDs: RatingLabelIDs
  var registers = CompiledCode.Registers()
  var letPlaces: [Place?]
  var factorSlots: [Int] = []
  var outputPlaces: [Place?]
  var asOfSlot = 0
  var scoreSlot = 0
  var knockedOutSlot = 0
  var eligibleSlot = 0
  /// `Frame.reasonBits` bits of each factor's bands (see `reasonRanks`); all 0 when the
  /// reasons are sorted instead.
  var reasonBits: [[UInt64]] = []
  /// Code held in an array. An array stores a bare closure at its most general
  /// abstraction, so each call would go through a re-abstraction thunk; a struct field
  /// keeps the closure as it is.
  struct Step {
    let run: StepCode
  }

  /// A condition held in an array (see `Step`).
  struct Condition {
    let test: BoolCode
  }

  /// The texts tested for membership in one set input with `"KEY" in input`: read once
  /// per record into a bit mask, so each test is a bit test instead of a scan of the set.
  struct SetKeys {
    var slot: Int
    var keys: TextMatcher
    var mask: Int
  }

  /// Set keys by set input slot.
  var setKeys: [Int: SetKeys] = [:]
  /// Whether constant subtrees are evaluated now; off while evaluating one.
  var folding = true
  /// Where constant subtrees are evaluated while compiling.
  let scratch: Frame
  /// Whether short texts take their `ShortText` fast paths (always, in compiled programs;
  /// the general paths are kept for texts that are long, and tests compare the two).
  let inlineText = true
  /// Whether the score can overflow (only with absurd points): then each factor's step
  /// checks it. Computed once: per factor it made compiling quadratic in factors.
  let scoreMayOverflow: Bool

  init(rules: CheckedRuleSet, layout: RecordLayout) {
    self.rules = rules
    self.layout = layout
    tables = rules.tables.map(CompiledTable.init)
    ratingLabels = rules.rating.map { Text($0.label) }
    ratingLabelIDs = RatingLabelIDs(ratingLabels)
    letPlaces = Array(repeating: nil, count: rules.lets.count)
    outputPlaces = Array(repeating: nil, count: rules.outputs.count)
    scratch = Frame(registers: CompiledCode.Registers(), asOf: 0)
    registers.scalars = layout.scalarCount
    registers.factors = rules.factors.count
    registers.knockouts = rules.knockouts.count
    registers.denials = rules.denials.count
    let bound = rules.factors.reduce(0) { $0 + ($1.bands.map { abs($0.points) }.max() ?? 0) }
    scoreMayOverflow = !(bound < 1e300)
  }

  /// Compiles the whole rule set.
  mutating func compile() -> CompiledCode {
    asOfSlot = newScalar()
    scoreSlot = newScalar()
    knockedOutSlot = newScalar()
    eligibleSlot = newScalar()
    factorSlots = rules.factors.map { _ in newScalar() }
    collectSetKeys()
    let ranks = Self.reasonRanks(rules.factors)
    reasonBits = ranks?.bits ?? rules.factors.map { Array(repeating: 0, count: $0.bands.count) }

    let used = referencedLets()
    var steps: [Step] = []
    for item in rules.items {
      switch item {
      case .letValue(let i):
        if let step = compileLet(i, used: used[i]) { steps.append(Step(run: step)) }
      case .factor(let i):
        steps.append(Step(run: compileFactor(i)))
      case .knockout(let i):
        steps.append(Step(run: compileKnockout(i)))
      }
    }
    let ratingConditions = rules.rating.compactMap { band in
      band.condition.map { Condition(test: boolCode(boolOperand($0))) }
    }
    let eligible = eligibleSlot
    let denialSteps = rules.denials.indices.map { i in
      Step(
        run: conditionStep(
          boolOperand(rules.denials[i].condition), DenialSink(denial: i, eligibleSlot: eligible)))
    }
    var outputSteps: [Step] = []
    var outputSlots: [RegisterSlot] = []
    for i in rules.outputs.indices {
      let (step, slot) = compileOutput(i)
      outputSteps.append(Step(run: step))
      outputSlots.append(slot)
    }
    return CompiledCode(
      registers: registers, inputScalarCount: layout.scalarCount, asOfSlot: asOfSlot,
      scoreSlot: scoreSlot, knockedOutSlot: knockedOutSlot, eligibleSlot: eligibleSlot,
      prepare: setMaskStep(), items: Self.sequence(steps[...]),
      rating: Self.firstTrue(ratingConditions, 0, ratingConditions.count),
      denials: Self.sequence(denialSteps[...]), outputs: Self.sequence(outputSteps[...]),
      outputSlots: outputSlots, reasonRankFactors: ranks?.factors)
  }

  private mutating func newScalar() -> Int {
    registers.scalars += 1
    return registers.scalars - 1
  }

  private mutating func newText() -> Int {
    registers.texts += 1
    return registers.texts - 1
  }

  private mutating func newSet() -> Int {
    registers.sets += 1
    return registers.sets - 1
  }

  /// Where a resolved name's value lives.
  func place(of symbol: Symbol) -> Place {
    switch symbol {
    case .input(let i):
      switch layout.fields[i].storage {
      case .scalar(let s): return .scalar(s)
      case .text(let s): return .inputText(s)
      case .set(let s): return .inputSet(s)
      }
    case .letValue(let i): return letPlaces[i] ?? .constant(.scalar(.nan))
    case .factor(let i): return .scalar(factorSlots[i])
    case .output(let i): return outputPlaces[i] ?? .constant(.scalar(.nan))
    case .asOf: return .scalar(asOfSlot)
    case .score: return .scalar(scoreSlot)
    case .knockedOut: return .scalar(knockedOutSlot)
    case .eligible: return .scalar(eligibleSlot)
    case .rating: return .rating
    }
  }

  /// A let's step, or nil when it needs none: its value is a constant, or nothing reads it
  /// and it cannot fail (so skipping it cannot change any result).
  private mutating func compileLet(_ i: Int, used: Bool) -> StepCode? {
    let expr = rules.lets[i].expr
    if let constant = folded(expr) {
      letPlaces[i] = .constant(constant)
      return nil
    }
    if !used && !mayFail(expr) { return nil }
    let (step, place) = store(expr)
    letPlaces[i] = place
    return step
  }

  private mutating func compileOutput(_ i: Int) -> (StepCode, RegisterSlot) {
    let (step, place) = store(rules.outputs[i].expr)
    outputPlaces[i] = place
    switch place {
    case .text(let s): return (step, .text(s))
    case .set(let s): return (step, .set(s))
    case .scalar(let s): return (step, .scalar(s))
    default: return (step, .scalar(0))
    }
  }

  /// A step computing `expr` into a new register, and that register.
  private mutating func store(_ expr: CheckedExpr) -> (StepCode, Place) {
    switch expr.type.base {
    case .number, .date, .bool:
      let s = newScalar()
      return (scalarStore(expr, into: s), .scalar(s))
    case .text:
      let s = newText()
      return (textStore(expr, into: s), .text(s))
    case .set:
      let code = set(expr)
      let s = newSet()
      return ({ f in f.sets[s] = code(f) }, .set(s))
    }
  }

  private func compileFactor(_ i: Int) -> StepCode {
    let factor = rules.factors[i]
    let conditions = factor.bands.compactMap { band in
      band.condition.map { Condition(test: boolCode(boolOperand($0))) }
    }
    let n = conditions.count
    let best = factor.bands.map(\.points).max() ?? 0
    // Points, shortfall and rank bit side by side: the step captures one array, checks
    // one index.
    let bits = reasonBits[i]
    let outcomes = factor.bands.indices.map { b in
      let band = factor.bands[b]
      return (
        points: band.points, shortfall: band.reason == nil ? Double.nan : best - band.points,
        bit: bits[b]
      )
    }
    let slot = factorSlots[i]
    let score = scoreSlot
    let location = factor.bands.last?.location ?? SourceLocation(line: 1, column: 1)
    // The score can only overflow with absurd points; only then is it checked, in steps
    // of their own, so that the usual step captures less.
    let mayOverflow = scoreMayOverflow
    @inline(__always) @Sendable func finish(_ f: Frame, _ b: Int) -> Double {
      let outcome = outcomes[b]
      f.bands[i] = b
      f.reasonShortfalls[i] = outcome.shortfall
      f.reasonBits |= outcome.bit
      f.scalars[slot] = outcome.points
      let total = f.scalars[score] + outcome.points
      f.scalars[score] = total
      return total
    }
    // The first bands' conditions are called from the step itself; a condition that is
    // always true stands for `else` after fewer than four.
    let always: BoolCode = { _ in true }
    let c0 = n > 0 ? conditions[0].test : always
    let c1 = n > 1 ? conditions[1].test : always
    let c2 = n > 2 ? conditions[2].test : always
    if n > 4 {
      let rest = Self.firstTrue(conditions, 3, n)
      if !mayOverflow { return { f in _ = finish(f, c0(f) ? 0 : c1(f) ? 1 : c2(f) ? 2 : rest(f)) } }
      return { f in
        let total = finish(f, c0(f) ? 0 : c1(f) ? 1 : c2(f) ? 2 : rest(f))
        if !total.isFinite { f.fail(at: location, "result is not finite") }
      }
    }
    let c3 = n > 3 ? conditions[3].test : always
    if !mayOverflow {
      return { f in _ = finish(f, c0(f) ? 0 : c1(f) ? 1 : c2(f) ? 2 : c3(f) ? 3 : n) }
    }
    return { f in
      let total = finish(f, c0(f) ? 0 : c1(f) ? 1 : c2(f) ? 2 : c3(f) ? 3 : n)
      if !total.isFinite { f.fail(at: location, "result is not finite") }
    }
  }

  private func compileKnockout(_ i: Int) -> StepCode {
    conditionStep(
      boolOperand(rules.knockouts[i].condition),
      KnockoutSink(knockout: i, knockedOutSlot: knockedOutSlot))
  }
}
