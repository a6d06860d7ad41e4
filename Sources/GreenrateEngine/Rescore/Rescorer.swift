import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

/// Turns a merchant's stored record and `--set` overrides into the one-row buffer that
/// `rescore` scores — with today's rule file, which may declare other inputs than the
/// run that stored the record.
package struct Rescorer: Sendable {
  package let program: Program

  package init(program: Program) {
    self.program = program
  }

  /// The record to score and notes worth telling the user (stored values that no
  /// longer fit the rules' input types and were dropped).
  package struct Prepared: Sendable {
    package var records: RecordBuffer
    package var notes: [String]
    /// Stored values these rules cannot read (an input they no longer declare, or one
    /// whose type changed so that the value does not convert): stored again with the
    /// rescore's record, so a later rescore under rules that read them still finds them.
    package var carried: [(field: StoredField, value: Value)] = []
  }

  /// Fills a one-row buffer from `stored` by input name, then applies `overrides`
  /// (each decoded like a CSV cell against the rules' input type).
  ///
  /// Throws a usage error for an override that names no input, names the key, repeats
  /// a field or does not decode; and a non-usage error when a required input ends up
  /// missing. Nothing is written either way.
  package func prepare(_ stored: StoredRecord, overrides: [FieldOverride]) throws(RescoreError)
    -> Prepared
  {
    let layout = program.layout
    var decoded: [(field: Int, value: Value)] = []
    for override in overrides {
      let field = try fieldIndex(of: override)
      if decoded.contains(where: { $0.field == field }) {
        throw RescoreError("--set \(override.field) is given more than once")
      }
      decoded.append((field, try decode(override, field: layout.fields[field])))
    }

    var records = RecordBuffer(layout: layout, capacity: 1)
    records.appendRow(line: stored.line)
    let unmatched = stored.fill(&records, row: 0)
    records.setText(Text(stored.merchantID), row: 0, slot: layout.keySlot)
    for (field, value) in decoded {
      StoredRecord.set(value, in: &records, row: 0, field: field)
    }

    let overridden = Set(decoded.map { layout.fields[$0.field].name })
    var notes: [String] = []
    for name in unmatched where !overridden.contains(name) {
      guard let value = stored.value(named: name), value != .missing,
        let field = layout.field(named: name), !layout.fields[field].isKey
      else { continue }
      let type = layout.fields[field].type
      if type.isOptional || type.base == .set {
        notes.append(
          "the stored \(name) \(Rescorer.shown(value)) is not a \(type.base) as the rules now "
            + "declare it; it is taken as missing")
      }
    }
    if let name = StoredRecord.firstMissingRequired(records, row: 0) {
      throw missingRequired(name, stored: stored)
    }
    var carried: [(field: StoredField, value: Value)] = []
    for (field, value) in zip(stored.fields, stored.values) where !field.isKey && value != .missing
    {
      let declared = layout.field(named: field.name)
      let unread =
        declared == nil || (unmatched.contains(field.name) && !overridden.contains(field.name))
      if unread && !carried.contains(where: { $0.field.name == field.name }) {
        carried.append((field, value))
      }
    }
    var prepared = Prepared(records: records, notes: notes)
    prepared.carried = carried
    return prepared
  }

  private func fieldIndex(of override: FieldOverride) throws(RescoreError) -> Int {
    let layout = program.layout
    guard let index = layout.field(named: override.field) else {
      var message =
        "--set \(override.field): the rules (\(program.name)) have no input of that name"
      if let near = Rescorer.nearest(override.field, among: layout.fields.map(\.name)) {
        message += "; did you mean `\(near)`?"
      }
      throw RescoreError(message)
    }
    if layout.fields[index].isKey {
      throw RescoreError(
        "--set \(override.field): the key cannot be changed; rescore the other merchant instead")
    }
    return index
  }

  private func decode(_ override: FieldOverride, field: RecordLayout.Field) throws(RescoreError)
    -> Value
  {
    switch CellDecoder.decode(override.value, as: field.type) {
    case .failure(let error):
      throw RescoreError(
        "--set \(override.field)=\(override.value): \(error.message) "
          + "(\(field.name): \(field.type))")
    case .success(let value):
      if value == .missing && !field.type.isOptional {
        throw RescoreError(
          "--set \(override.field)=: \(field.name) is required (\(field.type)) and cannot be empty")
      }
      return value
    }
  }

  private func missingRequired(_ name: String, stored: StoredRecord) -> RescoreError {
    let type = program.layout.field(named: name).map { program.layout.fields[$0].type }
    let declared = type.map { " (\($0))" } ?? ""
    var why = "has no value for \(name)\(declared), which the rules require"
    if let value = stored.value(named: name), value != .missing, let type {
      why =
        "has \(name) = \(Rescorer.shown(value)), which is not a \(type.base) as the rules now require"
    }
    return RescoreError(
      "the stored record of \(stored.merchantID) \(why); give it with --set \(name)=VALUE",
      isUsage: false)
  }

  /// What applying `overrides` to `stored` changes, field by field: the stored value and
  /// the new one as cell texts (nil = missing or not stored).
  package static func changes(
    _ stored: StoredRecord, _ overrides: [(FieldOverride, RescoreDetails.Change.Source)]
  ) -> [RescoreDetails.Change] {
    overrides.map { override, source in
      let old = stored.value(named: override.field).flatMap { $0 == .missing ? nil : $0 }
      return RescoreDetails.Change(
        field: override.field, old: old.map(StoredRecord.cellText),
        new: override.value.isEmpty ? nil : override.value, source: source)
    }
  }

  /// A value in a message: as a CSV cell would hold it, in quotes.
  static func shown(_ value: Value) -> String {
    "\"" + StoredRecord.cellText(value) + "\""
  }

  /// The declared name closest to a misspelt one, if any is close enough to suggest: the
  /// language's own guess (`Suggestions`), after case is ignored (`Revenue` for `revenue`).
  static func nearest(_ name: String, among names: [String]) -> String? {
    let lowered = name.lowercased()
    if lowered != name, names.contains(lowered) { return lowered }
    return Suggestions.closest(to: lowered, among: names)
  }
}
