import Foundation
import GreenrateEngine
import GreenrateLanguage
import Testing

@Suite struct RescoreDevTests {
  @Test func makeDevDatabase() throws {
    let rules = CLIProcess.shippedRules
    let program = try Program.compile(source: [UInt8](try Data(contentsOf: URL(fileURLWithPath: rules))), file: rules)
    let input = "/tmp/rescore-dev/merchants.csv"
    try MerchantGenerator(seed: 5, format: .csv).bytes(count: 2000).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: input)) }
    try? FileManager.default.removeItem(atPath: "/tmp/rescore-dev/db.sqlite")
    let summary = try BatchRunner(options: BatchOptions(rulesPath: rules, inputPath: input, databasePath: "/tmp/rescore-dev/db.sqlite", asOf: Day.parse("2026-11-01")), program: program).run { print($0) }
    #expect(summary.status == .completed)
  }
}
