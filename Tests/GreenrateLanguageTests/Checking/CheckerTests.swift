import Foundation
import Testing

@testable import GreenrateLanguage

@Suite struct CheckerTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/frontend")

  /// A minimal valid file around some declarations and outputs.
  static func file(declarations: String, outputs: String = "") -> [UInt8] {
    let source = """
      ruleset "t" version "1"
      input id: text key
      input n: number
      input m: number?
      input s: set
      input t: text
      input d: date
      table w: text -> number { "a": 1 } default 0
      table v: text -> text { "a": "b" }
      \(declarations)
      factor f {
        else => 0
      }
      rating {
        else => "C"
      }
      eligibility {}
      \(outputs)
      """
    return Array(source.utf8)
  }

  func checked(_ declarations: String, outputs: String = "") throws -> CheckedRuleSet {
    let (result, diagnostics) = Frontend.check(
      source: Self.file(declarations: declarations, outputs: outputs))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return try #require(result)
  }

  func letType(_ expression: String) throws -> ValueType {
    try checked("let x = \(expression)").lets[0].expr.type
  }

  @Test func theSpecExampleChecksToTheExpectedRuleSet() throws {
    let source = try [UInt8](
      Data(contentsOf: Self.fixtures.appendingPathComponent("spec-example.rules")))
    let (result, diagnostics) = Frontend.check(source: source)
    #expect(diagnostics.isEmpty)
    let rules = try #require(result)
    #expect(rules.name == "sme-green" && rules.version == "2024.2")
    #expect(
      rules.inputs.map(\.name) == [
        "merchant_id", "industry", "province", "annual_revenue_cny", "electricity_kwh",
        "green_power_share", "env_penalties_3y", "certifications", "established",
      ])
    #expect(rules.inputs.filter(\.isKey).map(\.name) == ["merchant_id"])
    #expect(rules.inputs[4].type == ValueType(.number, optional: true))
    #expect(rules.inputs[7].type == .set)
    #expect(rules.inputs[8].type == .date)
    #expect(rules.tables.count == 1)
    #expect(rules.tables[0].valueType == .number)
    #expect(rules.tables[0].entries.map(\.key) == [Text("Beijing"), Text("Yunnan")])
    #expect(rules.tables[0].entries.map(\.value) == [.number(0.5580), .number(0.1073)])
    #expect(rules.tables[0].defaultValue == .number(0.5703))
    #expect(rules.lets.map(\.name) == ["two_high", "power_t", "clean_t", "intensity"])
    #expect(rules.lets.map(\.expr.type) == [.set, .number, .number, .number])
    #expect(rules.factors.map(\.name) == ["carbon", "certified"])
    #expect(rules.factors[0].title == "Carbon intensity")
    #expect(rules.factors[0].bands.map(\.points) == [0, 40, 25, 5])
    #expect(
      rules.factors[0].bands.map(\.reason) == [
        "NO_ENERGY_DATA", nil, "CARBON_MEDIUM", "CARBON_HIGH",
      ])
    #expect(rules.factors[0].bands.map { $0.condition == nil } == [false, false, false, true])
    #expect(rules.factors[0].bands[1].location == SourceLocation(line: 25, column: 3))
    #expect(rules.knockouts.map(\.code) == ["ENV_PENALTY", "TWO_HIGH_INDUSTRY"])
    #expect(rules.rating.map(\.label) == ["E", "A", "B", "C"])
    #expect(rules.rating.last?.condition == nil)
    #expect(rules.denials.map(\.code) == ["KNOCKED_OUT", "RATING_TOO_LOW", "TOO_YOUNG"])
    #expect(rules.outputs.map(\.name) == ["emissions_t"])
    let order = rules.items.map { item -> String in
      switch item {
      case .letValue(let i): return "let \(i)"
      case .factor(let i): return "factor \(i)"
      case .knockout(let i): return "knockout \(i)"
      }
    }
    #expect(
      order == [
        "let 0", "let 1", "let 2", "let 3", "factor 0", "factor 1", "knockout 0", "knockout 1",
      ])
  }

  @Test func runtimeCheckedOperatorsAndFunctionsCarryTheirOwnLocation() throws {
    let rules = try checked(
      """
      let a = n / (n - 1) * 2
      let b = sqrt(n) + ln(n)
      """)
    // `n / (n - 1) * 2` is `(n / (n - 1)) * 2`: the `*` at column 21, the `/` at 11.
    let a = rules.lets[0].expr
    #expect(a.location == SourceLocation(line: 10, column: 21))
    guard case .arithmetic(.multiply, let quotient, _) = a.node,
      case .arithmetic(.divide, _, let difference) = quotient.node
    else {
      Issue.record("unexpected tree \(a.node)")
      return
    }
    #expect(quotient.location == SourceLocation(line: 10, column: 11))
    #expect(difference.location == SourceLocation(line: 10, column: 16))
    guard case .arithmetic(.add, let sqrtCall, let lnCall) = rules.lets[1].expr.node else {
      Issue.record("unexpected tree")
      return
    }
    #expect(sqrtCall.location == SourceLocation(line: 11, column: 9))
    #expect(lnCall.location == SourceLocation(line: 11, column: 19))
    guard case .call(.sqrt, let arguments) = sqrtCall.node else {
      Issue.record("expected a call")
      return
    }
    #expect(arguments.count == 1)
  }

  @Test func literalsAreFoldedAtCheckTime() throws {
    let rules = try checked("let a = date(\"2024-02-29\")\nlet b = round(n, 3)\nlet c = -2.5")
    guard case .date(let day) = rules.lets[0].expr.node else {
      Issue.record("expected a date literal")
      return
    }
    #expect(day == Day.parse("2024-02-29"))
    #expect(rules.lets[0].expr.type == .date)
    guard case .call(.round(let digits), let arguments) = rules.lets[1].expr.node else {
      Issue.record("expected round")
      return
    }
    #expect(digits == 3 && arguments.count == 1)
    guard case .number(let value) = rules.lets[2].expr.node else {
      Issue.record("expected a number literal")
      return
    }
    #expect(value == -2.5)
  }

  @Test func optionalTypesFlowThroughLetsIfAndCoalesce() throws {
    #expect(try letType("m") == ValueType(.number, optional: true))
    #expect(try letType("m ?? 0") == .number)
    #expect(try letType("m ?? m") == ValueType(.number, optional: true))
    #expect(try letType("n ?? m") == ValueType(.number, optional: true))
    #expect(try letType("m ?? m ?? 1") == .number)
    #expect(try letType("if n > 0 then m else 1") == ValueType(.number, optional: true))
    #expect(try letType("if n > 0 then 1 else 2") == .number)
    #expect(try letType("w[t]") == .number)
    #expect(try letType("v[t]") == ValueType(.text, optional: true))
    #expect(try letType("m is missing") == .bool)
    #expect(try letType("[t, \"a\"]") == .set)
    #expect(
      try checked("", outputs: "output o = m").outputs[0].expr.type
        == ValueType(.number, optional: true))
  }

  @Test func coalesceIsFoldedFromTheRight() throws {
    let expr = try checked("let x = m ?? m ?? 1").lets[0].expr
    guard case .coalesce(let first, let rest) = expr.node, case .coalesce = rest.node else {
      Issue.record("expected m ?? (m ?? 1)")
      return
    }
    #expect(first.type == ValueType(.number, optional: true))
    #expect(rest.type == .number)
    #expect(expr.location == SourceLocation(line: 10, column: 11))
  }

  @Test func membershipOfSetsAndTables() throws {
    let rules = try checked("let a = t in s\nlet b = t not in w\nlet c = \"x\" in [\"x\"]")
    guard case .inSet = rules.lets[0].expr.node else {
      Issue.record("expected inSet")
      return
    }
    guard case .not(let inner) = rules.lets[1].expr.node, case .inTable(let table, _) = inner.node
    else {
      Issue.record("expected not inTable")
      return
    }
    #expect(table == 0)
    guard case .inSet(_, let list) = rules.lets[2].expr.node, case .list(let items) = list.node
    else {
      Issue.record("expected a list")
      return
    }
    #expect(items.count == 1)
  }

  @Test func namesResolveToTheirSymbols() throws {
    let rules = try checked(
      "factor f2 {\n  else => 1\n}\nlet a = n + f2\nlet b = f2 * 2\nlet c = b + a",
      outputs:
        "output o = score\noutput p = o + 1\noutput q = eligible and knocked_out\noutput r = rating\noutput z = as_of"
    )
    guard case .arithmetic(_, let left, _) = rules.lets[2].expr.node else {
      Issue.record("expected arithmetic")
      return
    }
    if case .reference(let symbol) = left.node { #expect(symbol == .letValue(1)) }
    guard case .arithmetic(_, let factor, _) = rules.lets[1].expr.node else {
      Issue.record("expected arithmetic")
      return
    }
    if case .reference(let symbol) = factor.node { #expect(symbol == .factor(0)) }
    #expect(rules.factors.map(\.name) == ["f2", "f"])
    let outputs = rules.outputs.map(\.expr)
    if case .reference(let symbol) = outputs[0].node { #expect(symbol == .score) }
    if case .arithmetic(_, let o, _) = outputs[1].node, case .reference(let symbol) = o.node {
      #expect(symbol == .output(0))
    } else {
      Issue.record("expected o + 1")
    }
    if case .reference(let symbol) = outputs[3].node { #expect(symbol == .rating) }
    if case .reference(let symbol) = outputs[4].node { #expect(symbol == .asOf) }
    #expect(outputs.map(\.type) == [.number, .number, .bool, .text, .date])
  }

  @Test func errorsAreSortedByLineAndColumn() {
    let source =
      "ruleset \"x\" version \"1\"\ninput id: text key\nlet a = b + c\nlet d = 1 < \"e\"\n"
    let (result, diagnostics) = Frontend.check(source: Array(source.utf8))
    #expect(result == nil)
    let locations = diagnostics.map { ($0.location.line, $0.location.column) }
    #expect(locations.map(\.0) == locations.map(\.0).sorted())
    #expect(diagnostics.map(\.message).contains("unknown name `b`"))
    #expect(diagnostics.map(\.message).contains("unknown name `c`"))
    #expect(diagnostics.first?.location == SourceLocation(line: 3, column: 9))
  }

  @Test func anEmptyFileReportsEveryMissingPart() {
    let (result, diagnostics) = Frontend.check(source: [])
    #expect(result == nil)
    #expect(diagnostics.count == 5)
    #expect(diagnostics.allSatisfy { $0.location == SourceLocation(line: 1, column: 1) })
  }

  @Test(arguments: ["paren", "call", "not", "minus", "if", "list"])
  func twoHundredFiftySixLevelsCheckClean(_ kind: String) throws {
    let depth = 256
    let expression: String
    switch kind {
    case "paren":
      expression = String(repeating: "(", count: depth) + "n" + String(repeating: ")", count: depth)
    case "call":
      expression =
        String(repeating: "abs(", count: depth) + "n" + String(repeating: ")", count: depth)
    case "not": expression = String(repeating: "not ", count: depth) + "true"
    case "minus": expression = String(repeating: "-", count: depth) + "n"
    case "if":
      expression =
        String(repeating: "if true then ", count: depth) + "1"
        + String(repeating: " else 2", count: depth)
    default:
      expression =
        "count([" + String(repeating: "if true then ", count: depth - 2) + "t"
        + String(repeating: " else t", count: depth - 2) + "])"
    }
    let rules = try checked("let x = \(expression)")
    #expect(rules.lets.count == 1)
  }

  /// How deep a checked tree is, measured without recursion.
  static func depth(_ root: CheckedExpr) -> Int {
    var deepest = 0
    var stack: [(CheckedExpr, Int)] = [(root, 1)]
    while let (expr, depth) = stack.popLast() {
      deepest = max(deepest, depth)
      switch expr.node {
      case .arithmetic(_, let a, let b), .and(let a, let b), .or(let a, let b),
        .coalesce(let a, let b):
        stack.append((a, depth + 1))
        stack.append((b, depth + 1))
      default: break
      }
    }
    return deepest
  }

  @Test(arguments: [" + ", " * ", " and ", " or ", " ?? "])
  func aFlatChainOfAHundredThousandTermsIsNotNesting(_ op: String) throws {
    let term = op == " and " || op == " or " ? "true" : op == " ?? " ? "m" : "n"
    let chain =
      Array(repeating: term, count: 100_000).joined(separator: op) + (op == " ?? " ? " ?? 0" : "")
    var (result, diagnostics) = Frontend.check(source: Self.file(declarations: "let x = \(chain)"))
    #expect(diagnostics.isEmpty)
    do {
      let lets = try #require(result?.lets)
      #expect(Self.depth(lets[0].expr) >= 100_000)
    }
    // The checked tree is as deep as the chain is long: free it without recursion.
    result?.releaseExpressions()
  }

  @Test func aFlatChainWithAnErrorIsReportedAndFreedSafely() {
    let chain = Array(repeating: "n", count: 100_000).joined(separator: " + ") + " + t"
    let (result, diagnostics) = Frontend.check(source: Self.file(declarations: "let x = \(chain)"))
    #expect(result == nil)
    #expect(diagnostics.map(\.message) == ["`+` works on numbers, not on `text`"])
  }

  @Test func aLongChainInAValidFileWithAnotherErrorIsFreedSafely() {
    let chain = Array(repeating: "n", count: 100_000).joined(separator: " - ")
    let (result, diagnostics) = Frontend.check(
      source: Self.file(declarations: "let x = \(chain)\nlet y = zz"))
    #expect(result == nil)
    #expect(diagnostics.map(\.message) == ["unknown name `zz`"])
  }
}
