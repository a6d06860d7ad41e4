import Testing

@testable import GreenrateLanguage

/// Shapes the compiler specialises (composed lookups, bit-mask set tests, texts read in
/// place, many bands, stores) give what the plain definitions give.
@Suite struct CompilerShapeTests {
  func program(_ body: String) throws -> Program {
    let source = "ruleset \"t\" version \"1\"\ninput id: text key\n" + body
    return try Program.compile(source: Array(source.utf8), file: "t.rules")
  }

  @Test func lookupOfALookupIsComposed() throws {
    let p = try program(
      """
      input k: text
      table region: text -> text { "a": "north", "b": "south", "c": "nowhere" } default "west"
      table weight: text -> number { "north": 1, "south": 2, "west": 3 } default 9
      table strict: text -> number { "north": 1, "south": 2 }
      factor f { else => 0 }
      rating { else => "C" }
      eligibility { }
      output composed = weight[region[k]]
      output absent = strict[region[k]] ?? -1
      """)
    let scorer = Scorer(p)
    func outputs(_ k: String) throws -> [Value] {
      try scorer.score(["k": .text(k)]).get().outputs.map(\.value)
    }
    #expect(try outputs("a") == [.number(1), .number(1)])
    #expect(try outputs("b") == [.number(2), .number(2)])
    #expect(try outputs("c") == [.number(9), .number(-1)])
    #expect(try outputs("zzz") == [.number(3), .number(-1)])
  }

  @Test func manyBandsPickTheFirstTrue() throws {
    let p = try program(
      """
      input x: number
      factor f {
        when x < 1 => 1 reason "R1"
        when x < 2 => 2
        when x < 3 => 3 reason "R3"
        when x < 4 => 4
        when x < 5 => 5
        when x < 6 => 6
        when x < 7 => 7 reason "R7"
        else => 8
      }
      factor g {
        when x < 1 => 1
        when x < 2 => 2
        when x < 3 => 3
        when x < 4 => 4
        else => 5 reason "G5"
      }
      rating { else => "C" }
      eligibility { }
      """)
    let scorer = Scorer(p)
    for x in 0..<10 {
      let r = try scorer.score(["x": .number(Double(x) + 0.5)]).get()
      let f = min(x + 1, 8)
      let g = min(x + 1, 5)
      #expect(r.factors.map(\.points) == [Double(f), Double(g)])
      #expect(r.factors.map(\.band) == [f - 1, g - 1])
      let reasons =
        [(8 - f, ["R1": 1, "R3": 3, "R7": 7].first { $0.value == f }?.key)]
        + [(5 - g, g == 5 ? "G5" : nil)]
      let expected = reasons.enumerated().filter { $0.element.1 != nil }
        .sorted { ($0.element.0, -$0.offset) > ($1.element.0, -$1.offset) }.map { $0.element.1! }
      #expect(r.reasons == expected, "x = \(x)")
    }
  }

  @Test func setTestsByMaskAndByScan() throws {
    let p = try program(
      """
      input certs: set
      input other: set
      input name: text
      factor f { else => 0 }
      rating { else => "C" }
      eligibility { }
      output iso = "ISO14001" in certs
      output cel = "CEL" in certs
      output long = "A-CERTIFICATE-WITH-A-LONG-NAME" in certs
      output none = "NONE" in certs
      output notIn = "CEL" not in certs
      output dynamic = name in certs
      output otherIso = "ISO14001" in other
      output count = count(certs)
      """)
    let scorer = Scorer(p)
    let r = try scorer.score([
      "certs": .set(["CEL", "A-CERTIFICATE-WITH-A-LONG-NAME", "ISO9001"]),
      "other": .set(["ISO14001"]),
      "name": .text("ISO9001"),
    ]).get()
    #expect(
      r.outputs.map(\.value) == [
        .bool(false), .bool(true), .bool(true), .bool(false), .bool(false), .bool(true),
        .bool(true),
        .number(3),
      ])
    let empty = try scorer.score(["name": .text("x")]).get()
    #expect(
      empty.outputs.map(\.value) == [
        .bool(false), .bool(false), .bool(false), .bool(false), .bool(true), .bool(false),
        .bool(false), .number(0),
      ])
  }

  @Test func textLetsReadInPlace() throws {
    let p = try program(
      """
      input code: text
      input maybe: text?
      let upperCode = upper(code)
      let head = substr(upperCode, 0, 3)
      let tail = substr(upperCode, 3, 100)
      let fallback = maybe ?? "none"
      factor f {
        when head in ["C17", "ÉCO"] => 10
        when head == "H62" => 5
        else => 0
      }
      rating { else => "C" }
      eligibility { }
      output h = head
      output t = tail
      output lowerHead = lower(head)
      output isNone = fallback == "none"
      output firstOfMaybe = substr(fallback, 0, 1)
      """)
    let scorer = Scorer(p)
    func run(_ code: String, _ maybe: String?) throws -> ScoreResult {
      var values: [String: Value] = ["code": .text(code)]
      if let maybe { values["maybe"] = .text(maybe) }
      return try scorer.score(values).get()
    }
    let a = try run("c1713", nil)
    #expect(a.score == 10)
    #expect(
      a.outputs.map(\.value) == [.text("C17"), .text("13"), .text("c17"), .bool(true), .text("n")])
    let b = try run("h6210-a-rather-long-industry-code", "x")
    #expect(b.score == 5)
    #expect(
      b.outputs.map(\.value) == [
        .text("H62"), .text("10-A-RATHER-LONG-INDUSTRY-CODE"), .text("h62"), .bool(false),
        .text("x"),
      ])
    let c = try run("écologie", "ß")
    #expect(c.score == 10)
    #expect(
      c.outputs.map(\.value) == [
        .text("ÉCO"), .text("LOGIE"), .text("éco"), .bool(false), .text("ß"),
      ])
  }

  @Test func storesOfEveryShape() throws {
    let p = try program(
      """
      input x: number
      input o: number?
      input b: bool
      let sum = x + 1
      let diff = 1 - x
      let both = sum * diff
      let fromOptional = (o ?? 2) / 4
      let chosen = if b then x else -x
      let flag = b and x > 0
      let notFlag = not flag or x < -10
      factor f { else => 0 }
      rating { else => "C" }
      eligibility { }
      output values = [""] == [""]
      output out_sum = sum
      output out_diff = diff
      output out_both = both
      output out_fromOptional = fromOptional
      output out_chosen = chosen
      output out_flag = flag
      output out_notFlag = notFlag
      """)
    let scorer = Scorer(p)
    let r = try scorer.score(["x": .number(3), "b": .bool(true)]).get()
    #expect(
      r.outputs.map(\.value).dropFirst() == [
        .number(4), .number(-2), .number(-8), .number(0.5), .number(3), .bool(true), .bool(false),
      ])
    let s = try scorer.score(["x": .number(-20), "o": .number(6), "b": .bool(false)]).get()
    #expect(
      s.outputs.map(\.value).dropFirst() == [
        .number(-19), .number(21), .number(-399), .number(1.5), .number(20), .bool(false),
        .bool(true),
      ])
  }
}
