import GreenrateLanguage

/// What to do with each CSV column, worked out once per file from the header.
struct CSVPlan {
  /// One column the reader looks at (all others are skipped once their bounds are known).
  struct Column {
    var column: Int
    var kind: DecodeKind
    /// The slot in the record buffer's scalars, texts or sets.
    var slot: Int
    var isOptional: Bool
    /// The index in `ReadChunk.extras`' row, or -1.
    var extra: Int
  }

  var header: [String] = []
  var keyColumn = 0
  var keySlot = 0
  var keyExtra = -1
  /// The mapped columns other than the key, in column order.
  var columns: [Column] = []
  var extraCount = 0

  init() {}

  /// Matches header cells to the layout's inputs by exact bytes; refuses a header that
  /// lacks a non-optional input (sets included: `set?` does not exist, so a set column is
  /// required even though an empty cell is the empty set) or names an input twice.
  init(header: [String], layout: RecordLayout, extraFields: [String]) throws(ReaderError) {
    self.header = header
    extraCount = extraFields.count
    var inputOfColumn = [Int](repeating: -1, count: header.count)
    var extraOfColumn = [Int](repeating: -1, count: header.count)
    var missing: [String] = []
    for (index, field) in layout.fields.enumerated() {
      let matches = header.indices.filter { header[$0].utf8.elementsEqual(field.name.utf8) }
      if matches.count > 1 {
        throw ReaderError(
          "the header names the input \"\(field.name)\" twice (columns \(matches[0] + 1) and "
            + "\(matches[1] + 1))")
      }
      if let column = matches.first {
        inputOfColumn[column] = index
      } else if !field.type.isOptional {
        missing.append(field.name)
      }
    }
    if !missing.isEmpty {
      let names = missing.map { "\"\($0)\"" }.joined(separator: ", ")
      throw ReaderError(
        missing.count == 1
          ? "the header has no column \(names), which the rules require"
          : "the header has no columns \(names), which the rules require")
    }
    for (index, name) in extraFields.enumerated() {
      if let column = header.firstIndex(where: { $0.utf8.elementsEqual(name.utf8) }),
        extraOfColumn[column] < 0
      {
        extraOfColumn[column] = index
      }
    }
    for column in header.indices {
      let input = inputOfColumn[column]
      let extra = extraOfColumn[column]
      if input == layout.keyField {
        keyColumn = column
        keySlot = layout.keySlot
        keyExtra = extra
        continue
      }
      if input >= 0 {
        let field = layout.fields[input]
        let (kind, slot) = field.decodeTarget
        columns.append(
          Column(
            column: column, kind: kind, slot: slot, isOptional: field.type.isOptional,
            extra: extra))
      } else if extra >= 0 {
        columns.append(
          Column(column: column, kind: .extraOnly, slot: 0, isOptional: true, extra: extra))
      }
    }
  }
}
