import GreenrateLanguage
import GreenrateReaders

/// Turns a merchant's stored record and `--set` overrides into the one-row buffer that
/// `rescore` scores — with today's rule file, which may declare other inputs than the
/// run that stored the record.
public struct Rescorer: Sendable {
  public let program: Program

  public init(program: Program) {
    self.program = program
  }

  /// The record to score and notes worth telling the user (stored values that no
  /// longer fit the rules' input types and were dropped).
  public struct Prepared: Sendable {
    public var records: RecordBuffer
    public var notes: [String]
  }

  /// Fills a one-row buffer from `stored` by input name, then applies `overrides`
  /// (each decoded like a CSV cell against the rules' input type).
  ///
  /// Throws a usage error for an override that names no input, names the key, repeats
  /// a field or does not decode; and a non-usage error when a required input ends up
  /// missing. Nothing is written either way.
  public func prepare(_ stored: StoredRecord, overrides: [FieldOverride]) throws(RescoreError)
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
    return Prepared(records: records, notes: notes)
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

  /// A value in a message: as a CSV cell would hold it, in quotes.
  static func shown(_ value: Value) -> String {
    "\"" + StoredRecord.cellText(value) + "\""
  }

  /// The declared name closest to a misspelt one, if any is close enough to suggest.
  static func nearest(_ name: String, among names: [String]) -> String? {
    let limit = max(1, name.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in names {
      let d = distance(Array(name.lowercased().unicodeScalars), Array(candidate.unicodeScalars))
      if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.name
  }

  /// Levenshtein distance.
  private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
