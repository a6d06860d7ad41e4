import GreenrateLanguage

/// The text of the rule file a run used — only when it is byte for byte that rule set
/// (same SHA-256), so `explain` never quotes a condition from rules that have changed
/// since.
package struct RuleSource: Sendable {
  private let bands: BandSource

  /// The source at `path` if its fingerprint is `sha256`; nil when it is unreadable or
  /// edited. (Same bytes as the run's, so it compiled then: no need to compile again.)
  package init?(path: String, sha256: String) {
    guard !path.isEmpty, let data = System.readFile(path) else { return nil }
    self.init(text: data, sha256: sha256)
  }

  /// The text the database kept for the run (`rule_files`), checked against the run's
  /// fingerprint like a file would be.
  package init?(text: [UInt8], sha256: String) {
    guard SHA256.hex(text) == sha256 else { return nil }
    bands = BandSource(source: text)
  }

  /// The condition of the band declared at `location`: `when ...` (up to its `=>`, over
  /// as many lines as it spans) or `else`, as the language parsed it; nil when no band
  /// starts there.
  package func condition(at location: SourceLocation) -> String? {
    bands.head(at: location)
  }
}
