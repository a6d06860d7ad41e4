/// One `rescore --set FIELD=VALUE`: an input's new value, as the text of a CSV cell.
package struct FieldOverride: Hashable, Sendable {
  /// The input's name, matched exactly like a CSV header.
  package var field: String
  /// The cell text; empty means missing (the empty set for a `set`).
  package var value: String

  package init(field: String, value: String) {
    self.field = field
    self.value = value
  }

  /// Parses `FIELD=VALUE` (split at the first `=`, so a value may contain more).
  ///
  /// Throws when there is no `=` or nothing before it.
  package init(parsing argument: String) throws(RescoreError) {
    guard let equals = argument.firstIndex(of: "=") else {
      throw RescoreError("--set `\(argument)` is not FIELD=VALUE")
    }
    let field = String(argument[..<equals])
    guard !field.isEmpty else {
      throw RescoreError("--set `\(argument)` names no field (FIELD=VALUE)")
    }
    self.init(field: field, value: String(argument[argument.index(after: equals)...]))
  }
}
