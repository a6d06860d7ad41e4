import GreenrateLanguage
import GreenrateStore

extension Store.NewRun {
  /// A new run scored with `program`, as of day `asOf` (days since 1970-01-01).
  package init(
    kind: RunInfo.Kind, program: Program, rulesPath: String, asOf: Int, input: String? = nil,
    inputFormat: String? = nil, inputSize: Int64? = nil, maxRejects: Int? = nil,
    rulesText: [UInt8]? = nil
  ) {
    self.init(
      kind: kind, ruleset: RulesetDescription(program), rulesPath: rulesPath,
      asOf: Day.format(asOf))
    self.input = input
    self.inputFormat = inputFormat
    self.inputSize = inputSize
    self.maxRejects = maxRejects
    self.rulesText = rulesText
  }
}
