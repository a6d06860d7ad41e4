import GreenrateGenerator
import GreenrateLanguage
import Testing

/// The generated rule files of `greenrate-bench rules`, at a moderate size: each compiles
/// (or reports exactly its errors) well within the limit. At full size they are timed in
/// the bench; before the fix 20,000 factors alone took half a minute.
@Suite struct StressRulesTests {
  @Test(.timeLimit(.minutes(1)), arguments: [StressRules.Shape.factors, .table, .bands])
  func largeValidFilesCompile(_ shape: StressRules.Shape) throws {
    let program = try Program.compile(
      source: StressRules.source(shape, count: 20_000), file: "stress.rules")
    #expect(program.layout.fields.map(\.name) == ["id", "x", "code"])
  }

  @Test(.timeLimit(.minutes(1)))
  func manyErrorsAreEachReported() {
    do {
      _ = try Program.compile(source: StressRules.source(.errors, count: 20_000), file: "e.rules")
      Issue.record("compiled a file with errors")
    } catch {
      #expect(error.diagnostics.count == 20_000)
      #expect(error.diagnostics.first?.message.hasPrefix("unknown name `missing_name_0`") == true)
    }
  }
}
