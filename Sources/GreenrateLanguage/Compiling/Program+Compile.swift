extension Program {
  /// Parses, checks and compiles a rule file; throws every error found.
  package static func compile(source: [UInt8], file: String) throws(RuleFileError) -> Program {
    var outcome = Frontend.check(source: source)
    return try compile(&outcome.checked, outcome.diagnostics, source: source, file: file)
  }

  /// Compiles like `compile(source:file:)` and finds the file's warnings (see
  /// `RuleWarnings`) from the same parse, so `check` lexes, parses and checks once.
  package static func compileWithWarnings(
    source: [UInt8], file: String
  ) throws(RuleFileError) -> (program: Program, warnings: [Diagnostic]) {
    var outcome = Frontend.analyse(source: source)
    let program = try compile(&outcome.checked, outcome.diagnostics, source: source, file: file)
    guard let syntax = outcome.syntax else { return (program, []) }
    return (program, RuleWarnings.find(syntax: syntax))
  }

  private static func compile(
    _ outcome: inout CheckedRuleSet?, _ diagnostics: [Diagnostic], source: [UInt8], file: String
  ) throws(RuleFileError) -> Program {
    // Taken out, not copied: no other reference may keep the trees (see below).
    guard var checked = outcome.take(), diagnostics.isEmpty else {
      throw RuleFileError(file: file, source: source, diagnostics: diagnostics)
    }
    let program = Program(checked: checked, file: file, sha256: SHA256.hex(source))
    // A flat chain of 100,000 terms checks to a tree as deep: freed the ordinary
    // (recursive) way it would overflow the stack, so it is freed node by node.
    checked.releaseExpressions()
    return program
  }

  /// Compiles a rule set that checked without error.
  init(checked rules: CheckedRuleSet, file: String, sha256: String) {
    let layout = RecordLayout(inputs: rules.inputs.map { ($0.name, $0.type, $0.isKey) })
    var compiler = Compiler(rules: rules, layout: layout)
    let code = compiler.compile()
    let factors = rules.factors.map { factor in
      FactorInfo(
        name: factor.name, title: factor.title,
        bands: factor.bands.map { band in
          BandInfo(
            points: band.points, reason: band.reason, location: band.location,
            isElse: band.condition == nil)
        },
        best: factor.bands.map(\.points).max() ?? 0)
    }
    self.init(
      file: file, name: rules.name, version: rules.version, sha256: sha256, layout: layout,
      factors: factors, knockoutCodes: rules.knockouts.map(\.code),
      denialCodes: rules.denials.map(\.code), ratingLabels: rules.rating.map(\.label),
      outputs: rules.outputs.map { OutputInfo(name: $0.name, type: $0.expr.type) }, code: code)
    knockoutLocations = rules.knockouts.map(\.location)
    denialLocations = rules.denials.map(\.location)
    ratingLocations = rules.rating.map(\.location)
  }
}
