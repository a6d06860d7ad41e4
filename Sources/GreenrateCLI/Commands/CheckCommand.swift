import ArgumentParser
import GreenrateLanguage

/// `greenrate check RULES`: parse and type-check a rule file.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Parse and type-check a rule file.",
    discussion: """
      Prints every error as FILE:LINE:COLUMN: error: MESSAGE with the source line and a \
      caret, and exits 1; or one line naming the rule set, its version, fingerprint and \
      counts.

      Example:
        greenrate check Rules/sme-green.rules
      """
  )

  @Argument(help: "The rule file.")
  var rules: String

  func run() throws {
    let program = try RuleFile.load(rules)
    Console.line(
      "ok: ruleset \"\(program.name)\" version \"\(program.version)\" sha256 \(program.sha256): "
        + "\(program.layout.fields.count) inputs, \(program.factors.count) factors, "
        + "\(program.knockoutCodes.count) knockouts, \(program.denialCodes.count) denials, "
        + "\(program.outputs.count) outputs")
  }
}
