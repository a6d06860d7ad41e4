import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// What a comparison needs to know about one side's rule set: its fingerprint, its
/// rating labels, and each factor's band points.
struct ComparedSide: Sendable {
  var ruleSet: ComparisonResult.RuleSet
  /// Per factor: name and each band's points.
  var factors: [StoredRunLayout.Factor]

  /// A rule file's side.
  init(program: Program) {
    ruleSet = ComparisonResult.RuleSet(
      name: program.name, version: program.version, sha256: program.sha256,
      ratingLabels: ComparedSide.distinct(program.ratingLabels))
    factors = program.factors.map {
      StoredRunLayout.Factor(name: $0.name, points: $0.bands.map(\.points))
    }
  }

  /// A stored run's side, from what the run recorded about its rule file.
  init(run: RunInfo, layout: StoredRunLayout) {
    ruleSet = ComparisonResult.RuleSet(
      name: run.ruleset, version: run.rulesetVersion, sha256: run.rulesetSHA256, runID: run.id,
      ratingLabels: ComparedSide.distinct(run.ratingCounts.map(\.label)))
    factors = layout.factors
  }

  /// Labels in order, each once (two rating bands may give the same label).
  static func distinct(_ labels: [String]) -> [String] {
    var seen: Set<String> = []
    return labels.filter { seen.insert($0).inserted }
  }

  /// Per rating band of `labels` (as the evaluator indexes them), the distinct label's
  /// index in `ruleSet.ratingLabels`.
  func labelIndexes(_ labels: [String]) -> [Int] {
    labels.map { label in ruleSet.ratingLabels.firstIndex(of: label) ?? 0 }
  }
}
