import Testing

@testable import GreenrateLanguage

/// Deep nesting and very long chains, from rule text: compiled in time linear in their
/// size (a branch compiled twice per level made `check` take 2^depth steps), and freed
/// without overflowing the stack.
@Suite struct CompilerDepthTests {
  static func rules(_ letExpr: String, factor: String) -> [UInt8] {
    Array(
      """
      ruleset "t" version "1"
      input id: text key
      input x: number
      input o: number?
      input b: bool
      input t: text
      let a = \(letExpr)
      factor f { when \(factor) => 1 else => 0 }
      rating { else => "A" }
      eligibility { }
      output v = a

      """.utf8)
  }

  static func nest(_ depth: Int, _ base: String, _ wrap: (String) -> String) -> String {
    var e = base
    for _ in 0..<depth { e = wrap(e) }
    return e
  }

  /// Output `v` of one record with x = 2, o missing, b = true, t = "abcdef".
  static func outputOf(_ source: [UInt8]) throws -> Value {
    let program = try Program.compile(source: source, file: "depth.rules")
    var records = RecordBuffer(layout: program.layout)
    records.appendRow(line: 2)
    for field in program.layout.fields {
      switch (field.name, field.storage) {
      case ("id", .text(let s)): records.setText(Text("r"), row: 0, slot: s)
      case ("x", .scalar(let s)): records.setScalar(2, row: 0, slot: s)
      case ("b", .scalar(let s)): records.setScalar(1, row: 0, slot: s)
      case ("t", .text(let s)): records.setText(Text("abcdef"), row: 0, slot: s)
      default: break
      }
    }
    let evaluator = Evaluator(program: program, asOf: 0)
    let error = evaluator.evaluate(records, row: 0)
    #expect(error == nil)
    return evaluator.output(0)
  }

  @Test func ifNestedInThenBranches() throws {
    let e = Self.nest(200, "x") { "if b then \($0) else 1" }
    #expect(try Self.outputOf(Self.rules(e, factor: "a > 0")) == .number(2))
  }

  @Test func ifNestedInConditions() throws {
    let e = Self.nest(80, "x") { "if (\($0)) > 0 then 3 else 4" }
    #expect(try Self.outputOf(Self.rules(e, factor: "a > 0")) == .number(3))
  }

  @Test func optionalTestsNestedInConditions() throws {
    let e = Self.nest(80, "o") { "if ((\($0)) is missing) then o else o" }
    #expect(try Self.outputOf(Self.rules(e, factor: "a is missing")) == .missing)
  }

  @Test func textFunctionsNested() throws {
    let upper = Self.nest(120, "t") { "upper(\($0))" }
    #expect(try Self.outputOf(Self.rules(upper, factor: "a == \"X\"")) == .text(Text("ABCDEF")))
    let cut = Self.nest(120, "t") { "substr(\($0), 0, 4)" }
    #expect(try Self.outputOf(Self.rules(cut, factor: "a == \"X\"")) == .text(Text("abcd")))
    let ends = Self.nest(60, "\"f\"") { "if ends_with(t, \($0)) then \"f\" else \"g\"" }
    #expect(try Self.outputOf(Self.rules(ends, factor: "a == \"f\"")) == .text(Text("f")))
  }

  @Test func flatChainOfAHundredThousandTermsCompilesAndIsFreed() throws {
    let e = Array(repeating: "1", count: 100_000).joined(separator: " + ")
    #expect(try Self.outputOf(Self.rules(e, factor: "a > 0")) == .number(100_000))
  }
}
