import Foundation
import Testing

@testable import GreenrateLanguage

/// Rule files compiled from text, front end included, then scored.
@Suite struct CompilerRuleTextTests {
  static let specExample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/spec-example.rules")

  func compile(_ source: String, file: String = "t.rules") throws(RuleFileError) -> Program {
    try Program.compile(source: Array(source.utf8), file: file)
  }

  func specProgram() throws -> Program {
    let bytes = try [UInt8](Data(contentsOf: Self.specExample))
    return try Program.compile(source: bytes, file: "spec-example.rules")
  }

  @Test func specExampleIdentity() throws {
    let program = try specProgram()
    #expect(program.name == "sme-green")
    #expect(program.version == "2024.2")
    // Digest of the fixture's bytes, from coreutils `sha256sum`.
    #expect(program.sha256 == "bedf306f8d995bc6b38cc42495c98111b67986eab571e7a6cb04889b2b3687d3")
    #expect(program.file == "spec-example.rules")
    #expect(program.factors.map(\.name) == ["carbon", "certified"])
    #expect(program.factors.map(\.best) == [40, 20])
    #expect(program.factors[0].bands.map(\.isElse) == [false, false, false, true])
    #expect(program.knockoutCodes == ["ENV_PENALTY", "TWO_HIGH_INDUSTRY"])
    #expect(program.denialCodes == ["KNOCKED_OUT", "RATING_TOO_LOW", "TOO_YOUNG"])
    #expect(program.ratingLabels == ["E", "A", "B", "C"])
    #expect(program.outputs.map(\.name) == ["emissions_t"])
    #expect(program.layout.fields.map(\.name).first == "merchant_id")
  }

  @Test func specExampleGreenMerchant() throws {
    let scorer = Scorer(try specProgram())
    let r = try scorer.score([
      "industry": .text("C1713"), "province": .text("Yunnan"),
      "annual_revenue_cny": .number(5_000_000), "electricity_kwh": .number(100_000),
      "green_power_share": .number(0.5), "env_penalties_3y": .number(0),
      "certifications": .set(["ISO14001", "CEL"]), "established": .date("2015-03-01"),
    ]).get()
    #expect(r.score == 60)
    #expect(r.rating == "A")
    #expect(r.eligible)
    #expect(r.reasons.isEmpty)
    #expect(r.knockouts.isEmpty)
    #expect(r.denials.isEmpty)
    #expect(r.factors.map(\.points) == [40, 20])
    let clean = 100_000.0 / 1000 * 0.1073 * (1 - 0.5)
    #expect(r.outputs[0].value == .number((clean * 1000).rounded(.toNearestOrAwayFromZero) / 1000))
    #expect(r.outputs[0].value == .number(5.365))
  }

  @Test func specExampleKnockedOutMerchant() throws {
    let scorer = Scorer(try specProgram())
    let r = try scorer.score([
      "industry": .text("C2511"), "province": .text("Beijing"),
      "annual_revenue_cny": .number(800_000), "env_penalties_3y": .number(2),
      "certifications": .set([]), "established": .date("2024-01-01"),
    ]).get()
    #expect(r.score == 0)
    #expect(r.rating == "E")
    #expect(!r.eligible)
    #expect(r.reasons == ["NO_ENERGY_DATA", "NO_CERTIFICATION"])
    #expect(r.knockouts == ["ENV_PENALTY", "TWO_HIGH_INDUSTRY"])
    #expect(r.denials == ["KNOCKED_OUT", "RATING_TOO_LOW", "TOO_YOUNG"])
    #expect(r.outputs[0].value == .number(0))
  }

  @Test func specExamplePartialMerchantUsesTableDefault() throws {
    let scorer = Scorer(try specProgram())
    let r = try scorer.score([
      "industry": .text("H6210"), "province": .text("Hubei"),
      "annual_revenue_cny": .number(1_000_000), "electricity_kwh": .number(20_000),
      "env_penalties_3y": .number(0), "certifications": .set(["CEL"]),
      "established": .date("2020-01-01"),
    ]).get()
    // 20 MWh at the default 0.5703 over 100 (10k CNY): 0.11406, a medium intensity.
    #expect(r.factors.map(\.points) == [25, 10])
    #expect(r.score == 35)
    #expect(r.rating == "B")
    #expect(r.eligible)
    #expect(r.reasons == ["CARBON_MEDIUM", "PARTIAL_CERTIFICATION"])
    let clean = 20_000.0 / 1000 * 0.5703 * (1 - 0)
    #expect(r.outputs[0].value == .number((clean * 1000).rounded(.toNearestOrAwayFromZero) / 1000))
  }

  @Test func refusedFileThrowsEveryError() {
    let source = """
      ruleset "t" version "1"
      input id: text key
      let a = nope + 1
      factor f { else => 0 }
      rating { else => "C" }
      eligibility { }
      """
    #expect(throws: RuleFileError.self) { try compile(source, file: "bad.rules") }
    do {
      _ = try compile(source, file: "bad.rules")
    } catch {
      #expect(error.file == "bad.rules")
      #expect(error.source == Array(source.utf8))
      #expect(error.diagnostics.first?.location == SourceLocation(line: 3, column: 9))
    }
  }

  @Test func runtimeErrorsPointAtOperatorAndFunction() throws {
    let program = try compile(
      """
      ruleset "t" version "1"
      input id: text key
      input x: number
      let r = 10 / x
      let s = sqrt(x - 5)
      factor f { else => 0 }
      rating { else => "C" }
      eligibility { }
      """, file: "errors.rules")
    let scorer = Scorer(program)
    let division = scorer.error(["x": .number(0)])
    #expect(division?.description == "errors.rules:4:12: division by zero")
    let root = scorer.error(["x": .number(1)])
    #expect(root?.description == "errors.rules:5:9: `sqrt` of a negative number (-4)")
    #expect(scorer.error(["x": .number(9)]) == nil)
  }

  @Test func lazyPartsOfRuleText() throws {
    let program = try compile(
      """
      ruleset "t" version "1"
      input id: text key
      input x: number
      input o: number?
      factor f {
        when x == 0 => 1 reason "ZERO"
        when 1 / x > 1 => 2
        else => 0
      }
      rating {
        when x == 0 => "Z"
        when ln(x) > 0 => "BIG"
        else => "SMALL"
      }
      eligibility {
        deny "NEG" when x < 0 and sqrt(0 - x) > 100
      }
      output v = o ?? 10 / x
      output w = if x > 0 then log10(x) else 0
      """)
    let scorer = Scorer(program)
    let zero = try scorer.score(["x": .number(0), "o": .number(3)]).get()
    #expect(zero.rating == "Z")
    #expect(zero.reasons == ["ZERO"])
    #expect(zero.outputs.map(\.value) == [.number(3), .number(0)])
    #expect(scorer.error(["x": .number(0)])?.description == "t.rules:18:20: division by zero")
    #expect(
      scorer.error(["x": .number(-4), "o": .number(1)])?.description
        == "t.rules:12:8: `ln` of a number that is not positive (-4)")
    let half = try scorer.score(["x": .number(0.5), "o": .number(1)]).get()
    #expect(half.factors.map(\.points) == [2])
    #expect(half.rating == "SMALL")
    #expect(half.eligible)
    #expect(half.outputs.map(\.value) == [.number(1), .number(log10(0.5))])
  }
}
