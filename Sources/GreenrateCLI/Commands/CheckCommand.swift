import ArgumentParser
import GreenrateEngine
import GreenrateLanguage

/// `greenrate check RULES`: parse and type-check a rule file, and warn about logic that
/// can be proved wrong.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Parse and type-check a rule file.",
    discussion: """
      Prints every error as FILE:LINE:COLUMN: error: MESSAGE with the source line and a \
      caret, and exits 1; or one line naming the rule set, its version, fingerprint and \
      counts. A file without errors may still get warnings (printed the same way, as \
      `warning:`; exit 0): a band an earlier band covers, a rating label no band gives, \
      an unused let, input or table, a code used twice, a table entry no lookup can \
      reach. --strict makes warnings errors (exit 1).

      --format json prints one JSON object per diagnostic instead, on standard output: \
      {"file", "line", "column", "severity", "message", "suggestion"} (suggestion: the \
      "did you mean" name, or null), and nothing for a clean file.

      Examples:
        greenrate check Rules/sme-green.rules
        greenrate check --strict --format json Rules/sme-green.rules
      """
  )

  @Argument(help: "The rule file.")
  var rules: String

  @Option(help: "text (default) or json (one object per diagnostic, for editors and CI).")
  var format: Format = .text

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  func run() throws {
    let source = try RuleFile.readFile(rules)
    let program: Program
    var warnings: [Diagnostic]
    do {
      (program, warnings) = try Program.compileWithWarnings(source: source, file: rules)
    } catch {
      report(error)
      throw ExitCode(1)
    }
    if strict {
      for i in warnings.indices { warnings[i].severity = .error }
    }
    if !warnings.isEmpty {
      report(RuleFileError(file: rules, source: source, diagnostics: warnings))
      if strict { throw ExitCode(1) }
    }
    guard format == .text else { return }
    Console.line(
      "ok: ruleset \"\(program.name)\" version \"\(program.version)\" sha256 \(program.sha256): "
        + "\(program.layout.fields.count) inputs, \(program.factors.count) factors, "
        + "\(program.knockoutCodes.count) knockouts, \(program.denialCodes.count) denials, "
        + "\(program.outputs.count) outputs")
  }

  /// Diagnostics as text (standard error) or JSON lines (standard output).
  private func report(_ error: RuleFileError) {
    guard format == .json else {
      Console.error(error.rendered, terminator: "")
      return
    }
    var w = JSONWriter(capacity: 256)
    for d in error.diagnostics {
      w.raw("{\"file\":")
      w.string(error.file)
      w.raw(",\"line\":")
      w.number(Double(d.location.line))
      w.raw(",\"column\":")
      w.number(Double(d.location.column))
      w.raw(",\"severity\":")
      w.string(d.severity.rawValue)
      w.raw(",\"message\":")
      w.string(d.message)
      w.raw(",\"suggestion\":")
      if let suggestion = CheckCommand.suggestion(d.message) {
        w.string(suggestion)
      } else {
        w.null()
      }
      w.raw("}\n")
    }
    Console.write(w.bytes)
  }

  /// The name in a message's "(did you mean `NAME`?)", if any.
  static func suggestion(_ message: String) -> String? {
    guard let match = message.firstMatch(of: /did you mean [`"]([^`"]+)[`"]\?/) else { return nil }
    return String(match.1)
  }
}
