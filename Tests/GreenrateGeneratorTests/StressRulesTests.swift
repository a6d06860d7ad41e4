import GreenrateGenerator
import GreenrateLanguage
import Testing

/// The generated rule files of `greenrate-bench rules`, at a moderate size, checked the
/// way `greenrate check` does (compile and lint): each gives exactly its errors or
/// warnings well within the limit. At full size they are timed in the bench; before the
/// fixes 20,000 factors alone took half a minute to compile, and linting 20,000 rating
/// bands (pairwise) or 20,000 unknown labels (the whole label list in every message)
/// took minutes and gigabytes.
@Suite struct StressRulesTests {
  @Test(.timeLimit(.minutes(1)), arguments: [StressRules.Shape.factors, .table, .bands])
  func largeValidFilesCheckClean(_ shape: StressRules.Shape) throws {
    let (program, warnings) = try Program.compileWithWarnings(
      source: StressRules.source(shape, count: 20_000), file: "stress.rules")
    #expect(program.layout.fields.map(\.name) == ["id", "x", "code"])
    #expect(warnings.isEmpty)
  }

  @Test(.timeLimit(.minutes(1)))
  func manyErrorsAreEachReported() {
    do {
      _ = try Program.compileWithWarnings(
        source: StressRules.source(.errors, count: 20_000), file: "e.rules")
      Issue.record("compiled a file with errors")
    } catch {
      #expect(error.diagnostics.count == 20_000)
      #expect(error.diagnostics.first?.message.hasPrefix("unknown name `missing_name_0`") == true)
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func manyUnknownLabelsAreEachWarnedAboutBriefly() throws {
    let (_, warnings) = try Program.compileWithWarnings(
      source: StressRules.source(.labels, count: 20_000), file: "labels.rules")
    #expect(warnings.count == 20_000)
    let first = try #require(warnings.first?.message)
    #expect(
      first.hasPrefix("no rating band gives the label \"label_0\"; the labels are \"band_0\""))
    #expect(first.hasSuffix(", … (20000 labels)"))
    // Each message lists a few labels, not all 20,000 (that was 400 MB of warnings).
    #expect(warnings.allSatisfy { $0.message.utf8.count < 300 })
  }
}
