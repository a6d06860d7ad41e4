import Foundation
import GreenrateCLI
import GreenrateEngine
import GreenrateGenerator
import GreenrateLanguage
import Testing

@Suite struct GenerateCommandTests {
  private func temporaryFile(_ suffix: String) -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-generate-\(UUID().uuidString)\(suffix)")
  }

  @Test func writesTheGeneratorsBytesToTheOutputFile() throws {
    let url = temporaryFile(".csv")
    defer { try? FileManager.default.removeItem(at: url) }
    let command = try GenerateCommand.parse(["--count", "300", "--seed", "9", "--output", url.path])
    try command.run()
    let written = Array(try Data(contentsOf: url))
    #expect(written == MerchantGenerator(seed: 9, format: .csv).bytes(count: 300))
  }

  @Test func picksJSONLinesFromTheExtensionUnlessFormatIsGiven() throws {
    let jsonl = temporaryFile(".jsonl")
    let forced = temporaryFile(".jsonl")
    defer {
      try? FileManager.default.removeItem(at: jsonl)
      try? FileManager.default.removeItem(at: forced)
    }
    try GenerateCommand.parse(["--count", "50", "--seed", "4", "--output", jsonl.path]).run()
    #expect(
      Array(try Data(contentsOf: jsonl))
        == MerchantGenerator(seed: 4, format: .jsonl).bytes(count: 50))
    try GenerateCommand.parse([
      "--count", "50", "--seed", "4", "--format", "csv", "--output", forced.path,
    ]).run()
    #expect(
      Array(try Data(contentsOf: forced))
        == MerchantGenerator(seed: 4, format: .csv).bytes(count: 50))
  }

  @Test func asOfMovesOpeningDates() throws {
    let url = temporaryFile(".csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try GenerateCommand.parse([
      "--count", "20", "--seed", "4", "--as-of", "2030-01-01", "--output", url.path,
    ]).run()
    let day = try #require(Day.parse("2030-01-01"))
    let expected = MerchantGenerator(seed: 4, format: .csv, referenceDay: day).bytes(count: 20)
    #expect(Array(try Data(contentsOf: url)) == expected)
    #expect(expected != MerchantGenerator(seed: 4).bytes(count: 20))
  }

  @Test func refusesBadArguments() {
    #expect(throws: (any Error).self) { try GenerateCommand.parse(["--count", "-1"]) }
    #expect(throws: (any Error).self) { try GenerateCommand.parse(["--as-of", "2023-02-30"]) }
    #expect(throws: (any Error).self) { try GenerateCommand.parse(["--format", "xml"]) }
    #expect(throws: (any Error).self) { try GenerateCommand.parse(["--seed", "-5"]) }
  }

  @Test func reportsAnUnwritableOutput() throws {
    let command = try GenerateCommand.parse([
      "--count", "5", "--output", "/nonexistent-folder/merchants.csv",
    ])
    #expect(throws: MerchantGeneratorError.self) { try command.run() }
  }

  @Test func helpShowsAnExample() {
    let help = GenerateCommand.helpMessage()
    #expect(help.contains("greenrate generate --count 5000 --seed 2026 --output merchants.csv"))
    #expect(help.contains("--seed"))
  }
}
