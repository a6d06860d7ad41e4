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
  var registers = CompiledCode.Registers()
  var letPlaces: [Place?]
  var factorSlots: [Int] = []
  var outputPlaces: [Place?]
  var asOfSlot = 0
  var scoreSlot = 0
  var knockedOutSlot = 0
  var eligibleSlot = 0
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

  /// Whether constant subtrees are evaluated now; off while evaluating one.
  var folding = true
  /// Where constant subtrees are evaluated while compiling.
  let scratch: Frame

  init(rules: CheckedRuleSet, layout: RecordLayout) {
    self.rules = rules
    self.layout = layout
    tables = rules.tables.map(CompiledTable.init)
    ratingLabels = rules.rating.map { Text($0.label) }
    letPlaces = Array(repeating: nil, count: rules.lets.count)
    outputPlaces = Array(repeating: nil, count: rules.outputs.count)
    scratch = Frame(registers: CompiledCode.Registers(), asOf: 0)
    registers.scalars = layout.scalarCount
    registers.factors = rules.factors.count
    registers.knockouts = rules.knockouts.count
    registers.denials = rules.denials.count
  }

  /// Compiles the whole rule set.
  mutating func compile() -> CompiledCode {
    asOfSlot = newScalar()
    scoreSlot = newScalar()
    knockedOutSlot = newScalar()
    eligibleSlot = newScalar()
    factorSlots = rules.factors.map { _ in newScalar() }

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
      band.condition.map { Condition(test: bool($0)) }
    }
    let eligible = eligibleSlot
    let denialSteps = rules.denials.indices.map { i in
      let condition = bool(rules.denials[i].condition)
      return Step(run: { f in
        let denied = condition(f)
        f.denials[i] = denied
        if denied { f.scalars[eligible] = 0 }
      })
    }
    var outputSteps: [Step] = []
    var outputSlots: [RegisterSlot] = []
    for i in rules.outputs.indices {
      let (step, slot) = compileOutput(i)
      outputSteps.append(Step(run: step))
      outputSlots.append(slot)
    }

    var bandBase: [Int] = []
    var shortfall: [Double] = []
    var hasReason: [Bool] = []
    for factor in rules.factors {
      bandBase.append(shortfall.count)
      let best = factor.bands.map(\.points).max() ?? 0
      for band in factor.bands {
        shortfall.append(best - band.points)
        hasReason.append(band.reason != nil)
      }
    }
    return CompiledCode(
      registers: registers, inputScalarCount: layout.scalarCount, asOfSlot: asOfSlot,
      scoreSlot: scoreSlot, knockedOutSlot: knockedOutSlot, eligibleSlot: eligibleSlot,
      items: Self.sequence(steps[...]),
      rating: Self.firstTrue(ratingConditions, 0, ratingConditions.count),
      denials: Self.sequence(denialSteps[...]), outputs: Self.sequence(outputSteps[...]),
      outputSlots: outputSlots, bandBase: bandBase,
      bandShortfall: shortfall, bandHasReason: hasReason)
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
      let code = scalar(expr)
      let s = newScalar()
      return ({ f in f.scalars[s] = code(f) }, .scalar(s))
    case .text:
      let code = text(expr)
      let s = newText()
      return ({ f in f.texts[s] = code(f) }, .text(s))
    case .set:
      let code = set(expr)
      let s = newSet()
      return ({ f in f.sets[s] = code(f) }, .set(s))
    }
  }

  private func compileFactor(_ i: Int) -> StepCode {
    let factor = rules.factors[i]
    let conditions = factor.bands.compactMap { band in
      band.condition.map { Condition(test: bool($0)) }
    }
    let points = factor.bands.map(\.points)
    let slot = factorSlots[i]
    let score = scoreSlot
    let location = factor.bands.last?.location ?? SourceLocation(line: 1, column: 1)
    let pick = Self.firstTrue(conditions, 0, conditions.count)
    return { f in
      let b = pick(f)
      let p = b < points.count ? points[b] : 0
      f.bands[i] = b
      f.scalars[slot] = p
      let total = f.scalars[score] + p
      f.scalars[score] = total
      if !total.isFinite { f.fail(at: location, "result is not finite") }
    }
  }

  private func compileKnockout(_ i: Int) -> StepCode {
    let condition = bool(rules.knockouts[i].condition)
    let knockedOut = knockedOutSlot
    return { f in
      let hit = condition(f)
      f.knockouts[i] = hit
      if hit { f.scalars[knockedOut] = 1 }
    }
  }

  /// Runs `steps` in order, stopping after the first that records a runtime error.
  ///
  /// Nested closures rather than a loop over an array: calling a closure captured by the
  /// running one costs no reference counting (calling one loaded from an array does), and
  /// taking up to four steps per closure keeps the nesting shallow.
  static func sequence(_ steps: ArraySlice<Step>) -> StepCode {
    let s = Array(steps)
    switch s.count {
    case 0: return { _ in }
    case 1: return s[0].run
    case 2:
      let (a, b) = (s[0].run, s[1].run)
      return { f in
        a(f)
        if f.failed { return }
        b(f)
      }
    case 3:
      let (a, b, c) = (s[0].run, s[1].run, s[2].run)
      return { f in
        a(f)
        if f.failed { return }
        b(f)
        if f.failed { return }
        c(f)
      }
    case 4:
      let (a, b, c, d) = (s[0].run, s[1].run, s[2].run, s[3].run)
      return { f in
        a(f)
        if f.failed { return }
        b(f)
        if f.failed { return }
        c(f)
        if f.failed { return }
        d(f)
      }
    default:
      // Four balanced parts, each a sequence again.
      let quarter = (s.count + 3) / 4
      let parts = stride(from: 0, to: s.count, by: quarter).map { start in
        Step(run: sequence(s[start..<min(start + quarter, s.count)]))
      }
      return sequence(parts[...])
    }
  }

  /// The index in lo..<hi of the first true condition, or hi; later conditions are not
  /// evaluated. Up to four conditions per closure, chained (see `sequence`).
  static func firstTrue(_ conditions: [Condition], _ lo: Int, _ hi: Int) -> IndexCode {
    switch hi - lo {
    case ...0: return { _ in hi }
    case 1:
      let a = conditions[lo].test
      return { f in a(f) ? lo : hi }
    case 2:
      let (a, b) = (conditions[lo].test, conditions[lo + 1].test)
      return { f in a(f) ? lo : b(f) ? lo + 1 : hi }
    case 3:
      let (a, b, c) = (conditions[lo].test, conditions[lo + 1].test, conditions[lo + 2].test)
      return { f in a(f) ? lo : b(f) ? lo + 1 : c(f) ? lo + 2 : hi }
    case 4:
      let (a, b) = (conditions[lo].test, conditions[lo + 1].test)
      let (c, d) = (conditions[lo + 2].test, conditions[lo + 3].test)
      return { f in a(f) ? lo : b(f) ? lo + 1 : c(f) ? lo + 2 : d(f) ? lo + 3 : hi }
    default:
      // Halves, so that even thousands of bands nest only logarithmically deep.
      let mid = lo + (hi - lo) / 2
      let left = firstTrue(conditions, lo, mid)
      let right = firstTrue(conditions, mid, hi)
      return { f in
        let i = left(f)
        return i < mid ? i : right(f)
      }
    }
  }
}
