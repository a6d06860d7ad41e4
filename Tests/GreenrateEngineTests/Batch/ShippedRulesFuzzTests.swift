import Foundation
import GreenrateGenerator
import GreenrateLanguage
import GreenrateReaders
import Testing

@testable import GreenrateEngine

/// Random valid records through the shipped rule set: never a crash, never a runtime
/// error, always a rating, finite numbers everywhere.
@Suite struct ShippedRulesFuzzTests {
  static let rulesPath = BatchFixture.packageRoot.appendingPathComponent(
    "Rules/sme-green.rules"
  ).path

  static func program() throws -> Program {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: rulesPath)))
    return try Program.compile(source: bytes, file: rulesPath)
  }

  /// Checks one evaluated row the way a loan system would read it.
  static func expectRated(_ evaluator: Evaluator, _ records: RecordBuffer, row: Int) {
    let program = evaluator.program
    let error = evaluator.evaluate(records, row: row)
    #expect(error == nil, "row \(row): \(String(describing: error))")
    guard error == nil else { return }
    #expect(evaluator.score.isFinite)
    #expect(program.ratingLabels.indices.contains(evaluator.ratingIndex))
    for f in program.factors.indices {
      #expect(program.factors[f].bands.indices.contains(evaluator.band(ofFactor: f)))
    }
    for o in program.outputs.indices {
      if case .number(let x) = evaluator.output(o) { #expect(x.isFinite) }
    }
  }

  /// Values across each type's whole valid range, not only realistic ones: zero,
  /// negatives, huge and tiny numbers, far dates, odd texts, missing where allowed.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func uniformRandomRecordsAlwaysGetARating(seed: UInt64) throws {
    let program = try Self.program()
    let layout = program.layout
    var rng = SplitMix64(seed: seed)
    let numbers: [Double] = [0, -1, 1, 0.5, 1e-9, 99_999.5, 100_000, 1e9, 1e12, -1e6]
    let texts = [
      "", "F5212", "H6210", "C2511", "c1713", "D4416", "N7721", "Zhejiang", "Beijing",
      "Inner Mongolia", "missing", "key", "not_required", "Провинция", "é", "  ", "X",
    ]
    var records = RecordBuffer(layout: layout, capacity: 2_000)
    for row in 0..<2_000 {
      records.appendRow(line: row + 2)
      for field in layout.fields {
        let missing = field.type.isOptional && rng.chance(0.3)
        switch field.storage {
        case .scalar(let slot):
          if missing { continue }
          let value: Double
          switch field.type.base {
          case .bool: value = rng.chance(0.5) ? 1 : 0
          case .date:
            value =
              Double(Day.number(year: 1 + Int(rng.next() % 9_999), month: 1, day: 1))
              + Double(rng.next() % 365)
          default:
            value =
              rng.chance(0.5)
              ? numbers[Int(rng.next() % UInt64(numbers.count))] : rng.nextUnit() * 1e7
          }
          records.setScalar(value, row: row, slot: slot)
        case .text(let slot):
          if missing { continue }
          let text = field.isKey ? "R\(row)" : texts[Int(rng.next() % UInt64(texts.count))]
          records.setText(Text(text), row: row, slot: slot)
        case .set(let slot):
          let items = ["ISO14001", "CEL", "GREEN_FACTORY", "LOW_CARBON", "", "x;y"]
          records.setSet(
            TextSet(items.filter { _ in rng.chance(0.3) }.map(Text.init)), row: row, slot: slot)
        }
      }
    }
    let evaluator = Evaluator(program: program, asOf: Day.number(year: 2026, month: 11, day: 1))
    for row in 0..<records.count { Self.expectRated(evaluator, records, row: row) }
  }

  /// Generated realistic merchants, decoded by the real reader.
  @Test func generatedMerchantsAlwaysGetARating() throws {
    let program = try Self.program()
    let bytes = MerchantGenerator(seed: 99).bytes(count: 20_000)
    let reader = try RecordReader(bytes: bytes, format: .csv, layout: program.layout)
    let evaluator = Evaluator(program: program, asOf: Day.number(year: 2026, month: 11, day: 1))
    var rated = 0
    while let chunk = try reader.nextChunk(maxRecords: 4_096) {
      #expect(chunk.rejects.isEmpty)
      for row in 0..<chunk.records.count {
        Self.expectRated(evaluator, chunk.records, row: row)
        rated += 1
      }
    }
    #expect(rated == 20_000)
  }
}
