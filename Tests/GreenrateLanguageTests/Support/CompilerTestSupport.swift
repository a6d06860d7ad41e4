@testable import GreenrateLanguage

/// Checked expressions built by hand, standing in for the front end in compiler tests.
enum E {
  static let here = SourceLocation(line: 1, column: 1)

  static func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(line: line, column: column)
  }

  static func number(_ x: Double) -> CheckedExpr {
    CheckedExpr(type: .number, location: here, node: .number(x))
  }

  static func text(_ s: String) -> CheckedExpr {
    CheckedExpr(type: .text, location: here, node: .text(Text(s)))
  }

  static func bool(_ b: Bool) -> CheckedExpr {
    CheckedExpr(type: .bool, location: here, node: .bool(b))
  }

  static func date(_ s: String) -> CheckedExpr {
    CheckedExpr(type: .date, location: here, node: .date(Day.parse(s) ?? 0))
  }

  static func list(_ items: [CheckedExpr]) -> CheckedExpr {
    CheckedExpr(type: .set, location: here, node: .list(items))
  }

  static func list(_ items: [String]) -> CheckedExpr { list(items.map { text($0) }) }

  static func builtin(_ symbol: Symbol, _ type: ValueType) -> CheckedExpr {
    CheckedExpr(type: type, location: here, node: .reference(symbol))
  }

  static func arithmetic(
    _ op: ArithmeticOperator, _ a: CheckedExpr, _ b: CheckedExpr, at location: SourceLocation = here
  ) -> CheckedExpr {
    CheckedExpr(type: .number, location: location, node: .arithmetic(op, a, b))
  }

  static func add(_ a: CheckedExpr, _ b: CheckedExpr, at l: SourceLocation = here) -> CheckedExpr {
    arithmetic(.add, a, b, at: l)
  }

  static func sub(_ a: CheckedExpr, _ b: CheckedExpr, at l: SourceLocation = here) -> CheckedExpr {
    arithmetic(.subtract, a, b, at: l)
  }

  static func mul(_ a: CheckedExpr, _ b: CheckedExpr, at l: SourceLocation = here) -> CheckedExpr {
    arithmetic(.multiply, a, b, at: l)
  }

  static func div(_ a: CheckedExpr, _ b: CheckedExpr, at l: SourceLocation = here) -> CheckedExpr {
    arithmetic(.divide, a, b, at: l)
  }

  static func negate(_ a: CheckedExpr) -> CheckedExpr {
    CheckedExpr(type: .number, location: here, node: .negate(a))
  }

  static func compare(_ op: ComparisonOperator, _ a: CheckedExpr, _ b: CheckedExpr) -> CheckedExpr {
    CheckedExpr(type: .bool, location: here, node: .comparison(op, a, b))
  }

  static func and(_ a: CheckedExpr, _ b: CheckedExpr) -> CheckedExpr {
    CheckedExpr(type: .bool, location: here, node: .and(a, b))
  }

  static func or(_ a: CheckedExpr, _ b: CheckedExpr) -> CheckedExpr {
    CheckedExpr(type: .bool, location: here, node: .or(a, b))
  }

  static func not(_ a: CheckedExpr) -> CheckedExpr {
    CheckedExpr(type: .bool, location: here, node: .not(a))
  }

  static func inSet(_ x: CheckedExpr, _ s: CheckedExpr) -> CheckedExpr {
    CheckedExpr(type: .bool, location: here, node: .inSet(x, s))
  }

  static func inTable(_ table: Int, _ key: CheckedExpr) -> CheckedExpr {
    CheckedExpr(type: .bool, location: here, node: .inTable(table: table, key: key))
  }

  static func lookup(_ table: Int, _ key: CheckedExpr, _ type: ValueType) -> CheckedExpr {
    CheckedExpr(type: type, location: here, node: .lookup(table: table, key: key))
  }

  static func isMissing(_ x: CheckedExpr, negated: Bool = false) -> CheckedExpr {
    CheckedExpr(type: .bool, location: here, node: .isMissing(x, negated: negated))
  }

  /// `x ?? y`, typed as the checker types it.
  static func coalesce(_ x: CheckedExpr, _ y: CheckedExpr) -> CheckedExpr {
    CheckedExpr(type: y.type, location: here, node: .coalesce(x, y))
  }

  static func when(_ c: CheckedExpr, _ a: CheckedExpr, _ b: CheckedExpr) -> CheckedExpr {
    let optional = a.type.isOptional || b.type.isOptional
    return CheckedExpr(
      type: ValueType(a.type.base, optional: optional), location: here,
      node: .conditional(c, then: a, else: b))
  }

  static func call(
    _ function: Function, _ args: [CheckedExpr], _ type: ValueType = .number,
    at location: SourceLocation = here
  ) -> CheckedExpr {
    CheckedExpr(type: type, location: location, node: .call(function, args))
  }
}

/// A rule set assembled declaration by declaration, in file order.
struct RuleSetBuilder {
  var rules = CheckedRuleSet(
    name: "test", version: "1",
    inputs: [.init(name: "id", type: .text, isKey: true, location: E.here)],
    tables: [], lets: [], factors: [], knockouts: [], items: [],
    rating: [.init(condition: nil, label: "C")], denials: [], outputs: [])

  /// A reference to the key input.
  var key: CheckedExpr { E.builtin(.input(0), .text) }

  @discardableResult
  mutating func input(_ name: String, _ type: ValueType) -> CheckedExpr {
    rules.inputs.append(.init(name: name, type: type, isKey: false, location: E.here))
    return E.builtin(.input(rules.inputs.count - 1), type)
  }

  mutating func table(
    _ name: String, _ type: BaseType, _ entries: [(String, CheckedRuleSet.Literal)],
    default value: CheckedRuleSet.Literal? = nil
  ) -> Int {
    rules.tables.append(
      .init(
        name: name, valueType: type, entries: entries.map { (Text($0.0), $0.1) },
        defaultValue: value))
    return rules.tables.count - 1
  }

  @discardableResult
  mutating func letValue(_ name: String, _ expr: CheckedExpr) -> CheckedExpr {
    rules.lets.append(.init(name: name, expr: expr))
    rules.items.append(.letValue(rules.lets.count - 1))
    return E.builtin(.letValue(rules.lets.count - 1), expr.type)
  }

  /// A factor; a band with a nil condition is `else`.
  @discardableResult
  mutating func factor(
    _ name: String, _ bands: [(CheckedExpr?, Double, String?)], at line: Int = 1
  ) -> CheckedExpr {
    rules.factors.append(
      .init(
        name: name, title: nil,
        bands: bands.map {
          .init(condition: $0.0, points: $0.1, reason: $0.2, location: E.at(line, 1))
        }))
    rules.items.append(.factor(rules.factors.count - 1))
    return E.builtin(.factor(rules.factors.count - 1), .number)
  }

  mutating func knockout(_ code: String, _ condition: CheckedExpr) {
    rules.knockouts.append(.init(code: code, condition: condition))
    rules.items.append(.knockout(rules.knockouts.count - 1))
  }

  /// Replaces the rating block; a nil condition is `else`.
  mutating func rating(_ bands: [(CheckedExpr?, String)]) {
    rules.rating = bands.map { .init(condition: $0.0, label: $0.1) }
  }

  mutating func deny(_ code: String, _ condition: CheckedExpr) {
    rules.denials.append(.init(code: code, condition: condition))
  }

  @discardableResult
  mutating func output(_ name: String, _ expr: CheckedExpr) -> CheckedExpr {
    rules.outputs.append(.init(name: name, expr: expr))
    return E.builtin(.output(rules.outputs.count - 1), expr.type)
  }

  func program() -> Program {
    Program(checked: rules, file: "test.rules", sha256: "")
  }
}

/// Scores records given as field values by name against a program.
struct Scorer {
  let program: Program
  let evaluator: Evaluator

  init(_ program: Program, asOf: String = "2024-06-30") {
    self.program = program
    evaluator = Evaluator(program: program, asOf: Day.parse(asOf) ?? 0)
  }

  init(_ builder: RuleSetBuilder, asOf: String = "2024-06-30") {
    self.init(builder.program(), asOf: asOf)
  }

  /// A one-row buffer; fields not given are missing (sets empty), the key is "k".
  func buffer(_ values: [String: Value]) -> RecordBuffer {
    var buffer = RecordBuffer(layout: program.layout)
    buffer.appendRow(line: 1)
    for (i, field) in program.layout.fields.enumerated() {
      let value = values[field.name] ?? (field.isKey ? .text(Text("k")) : .missing)
      switch (field.storage, value) {
      case (.scalar(let s), .number(let x)): buffer.setScalar(x, row: 0, slot: s)
      case (.scalar(let s), .bool(let b)): buffer.setScalar(b ? 1 : 0, row: 0, slot: s)
      case (.scalar(let s), .date(let d)): buffer.setScalar(Double(d), row: 0, slot: s)
      case (.text(let s), .text(let t)): buffer.setText(t, row: 0, slot: s)
      case (.set(let s), .set(let x)): buffer.setSet(x, row: 0, slot: s)
      default: _ = i
      }
    }
    return buffer
  }

  /// The result, or the runtime error.
  func score(_ values: [String: Value] = [:]) -> Result<ScoreResult, RuntimeError> {
    if let error = evaluator.evaluate(buffer(values), row: 0) { return .failure(error) }
    return .success(evaluator.result(key: Text("k")))
  }

  /// The value of output `name` (nil when the record fails).
  func output(_ name: String, _ values: [String: Value] = [:]) -> Value? {
    guard case .success(let result) = score(values) else { return nil }
    return result.outputs.first { $0.name == name }?.value
  }

  /// The runtime error (nil when the record scores).
  func error(_ values: [String: Value] = [:]) -> RuntimeError? {
    if case .failure(let e) = score(values) { return e }
    return nil
  }
}

extension Value {
  static func text(_ s: String) -> Value { .text(Text(s)) }
  static func date(_ s: String) -> Value { .date(Day.parse(s) ?? 0) }
  static func set(_ items: [String]) -> Value { .set(TextSet(items.map { Text($0) })) }
}

/// A program with one output `v` computing `expr` from nothing but constants and as-of.
func outputOf(_ expr: CheckedExpr, asOf: String = "2024-06-30") -> Value? {
  var b = RuleSetBuilder()
  b.factor("f", [(nil, 0, nil)])
  b.output("v", expr)
  return Scorer(b, asOf: asOf).output("v")
}

/// `function(args...)` computed from inputs (run-time code) and from literals (folded at
/// compile time); the two must agree, so the helper returns the first after checking.
struct FunctionCall {
  var runtime: Value?
  var folded: Value?
  var runtimeError: RuntimeError?

  init(
    _ function: Function, _ args: [Value], _ type: ValueType = .number,
    asOf: String = "2024-06-30"
  ) {
    var b = RuleSetBuilder()
    var fromInputs: [CheckedExpr] = []
    var literals: [CheckedExpr] = []
    var values: [String: Value] = [:]
    for (i, arg) in args.enumerated() {
      let name = "a\(i)"
      values[name] = arg
      switch arg {
      case .number(let x):
        fromInputs.append(b.input(name, .number))
        literals.append(
          x < 0 || (x == 0 && x.sign == .minus) ? E.negate(E.number(-x)) : E.number(x))
      case .text(let t):
        fromInputs.append(b.input(name, .text))
        literals.append(E.text(t.string))
      case .date(let d):
        fromInputs.append(b.input(name, .date))
        literals.append(CheckedExpr(type: .date, location: E.here, node: .date(d)))
      case .bool(let x):
        fromInputs.append(b.input(name, .bool))
        literals.append(E.bool(x))
      case .set(let s):
        fromInputs.append(b.input(name, .set))
        literals.append(E.list(s.items.map { E.text($0.string) }))
      case .missing:
        break
      }
    }
    b.factor("f", [(nil, 0, nil)])
    b.output("runtime", E.call(function, fromInputs, type, at: E.at(3, 7)))
    b.output("folded", E.call(function, literals, type, at: E.at(3, 7)))
    let scorer = Scorer(b, asOf: asOf)
    switch scorer.score(values) {
    case .success(let r):
      runtime = r.outputs[0].value
      folded = r.outputs[1].value
    case .failure(let e):
      runtimeError = e
    }
  }
}
