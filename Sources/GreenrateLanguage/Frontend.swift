/// Parses and type-checks a rule file. FRONTEND-HELPER replaces this stub.
enum Frontend {
  /// The checked rule set when the file has no error; otherwise nil and every error
  /// found, sorted by location.
  static func check(source: [UInt8]) -> (checked: CheckedRuleSet?, diagnostics: [Diagnostic]) {
    (nil, [Diagnostic("the front end is not written yet", at: SourceLocation(line: 1, column: 1))])
  }
}
