/// What a rescore run records besides its rating: the record it started from, why it
/// was run, which fields it changed, and the officer's overrides it sets or clears.
package struct RescoreDetails: Sendable {
  /// One field the rescore changed: from the stored value to the new one (cell texts;
  /// nil = missing), and where the new value came from.
  package struct Change: Sendable, Hashable {
    package enum Source: String, Sendable {
      /// Given with `--set` now.
      case set
      /// An override recorded earlier, applied again.
      case override
      /// An override cleared now: the field goes back to the batch's value.
      case cleared
    }
    package var field: String
    package var old: String?
    package var new: String?
    package var source: Source

    package init(field: String, old: String?, new: String?, source: Source) {
      self.field = field
      self.old = old
      self.new = new
      self.source = source
    }
  }

  /// The run whose stored record the rescore started from.
  package var baseRun: Int64?
  /// The officer's `--reason`, or why the engine ran it.
  package var reason: String?
  package var changes: [Change] = []
  /// `--set` values to keep as overrides (field, cell text) until cleared.
  package var keepOverrides: [(field: String, value: String)] = []
  /// Fields whose overrides are cleared (`--clear FIELD`); `clearAll` clears them all.
  package var clearOverrides: [String] = []
  package var clearAll = false
  /// The rule file's text, kept once per SHA-256 (see `rule_files`).
  package var rulesText: [UInt8]?

  package init(baseRun: Int64? = nil, reason: String? = nil) {
    self.baseRun = baseRun
    self.reason = reason
  }
}
