import GreenrateLanguage
import Testing

@testable import GreenrateEngine

@Suite struct StoredRecordCodecTests {
  let layout = RecordLayout(inputs: [
    ("id", .text, true), ("amount", .number.optional, false), ("flag", .bool.optional, false),
    ("since", .date, false), ("tags", .set, false), ("note", .text.optional, false),
  ])

  func buffer(_ rows: [[Value]]) -> RecordBuffer {
    var buffer = RecordBuffer(layout: layout)
    for (line, values) in rows.enumerated() {
      let row = buffer.appendRow(line: line + 2)
      for (field, value) in values.enumerated() {
        StoredRecord.set(value, in: &buffer, row: row, field: field)
      }
    }
    return buffer
  }

  @Test func roundTripsEveryKindOfValue() throws {
    let rows: [[Value]] = [
      [
        .text(Text("M1")), .number(12), .bool(true),
        .date(Day.number(year: 2020, month: 2, day: 29)),
        .set(TextSet([Text("ISO14001"), Text("CEL")])), .text(Text("café, \"quoted\"\n")),
      ],
      [.text(Text("")), .missing, .missing, .date(-719_162), .set(.empty), .missing],
      [
        .text(Text("e\u{301}🙂")), .number(-0.0), .bool(false), .date(2_932_896),
        .set(TextSet([Text("")])), .text(Text("")),
      ],
      [.text(Text("x")), .number(0.1), .missing, .date(0), .set(.empty), .missing],
      [
        .text(Text("y")), .number(-9_007_199_254_740_993), .missing, .date(0), .set(.empty),
        .missing,
      ],
      [.text(Text("z")), .number(1e300), .missing, .date(0), .set(.empty), .missing],
      [.text(Text("w")), .number(-123_456_789), .missing, .date(0), .set(.empty), .missing],
    ]
    let records = buffer(rows)
    let fields = try StoredRecordCodec.parseFieldList(StoredRecordCodec.fieldList(layout))
    for (row, values) in rows.enumerated() {
      var bytes: [UInt8] = []
      StoredRecordCodec.encode(records, row: row, into: &bytes)
      guard case .text(let key) = values[0] else { return }
      let decoded = try StoredRecordCodec.decode(bytes, fields: fields, key: key.string)
      #expect(decoded == values, "row \(row)")
      if case .number(let x) = values[1], case .number(let y) = decoded[1] {
        #expect(x.sign == y.sign)
        #expect(x.bitPattern == y.bitPattern)
      }
    }
  }

  @Test func isCompactForTypicalRecords() {
    let records = buffer([
      [
        .text(Text("M0000001")), .number(250_000), .bool(true), .date(19_000), .set(.empty),
        .missing,
      ]
    ])
    var bytes: [UInt8] = []
    StoredRecordCodec.encode(records, row: 0, into: &bytes)
    // version 1 + amount 4 + flag 2 + date 4 + empty set 1 + missing 1 (the key is the
    // row's merchant_id, not repeated)
    #expect(bytes.count == 13)
  }

  @Test func fieldListRoundTrips() throws {
    let text = StoredRecordCodec.fieldList(layout)
    #expect(text == "id:key,amount:number?,flag:bool?,since:date,tags:set,note:text?")
    let fields = try StoredRecordCodec.parseFieldList(text)
    #expect(fields.map(\.name) == layout.fields.map(\.name))
    #expect(fields.map(\.type) == layout.fields.map(\.type))
    #expect(fields.map(\.isKey) == layout.fields.map(\.isKey))
    #expect(throws: StoredRecordError.self) { try StoredRecordCodec.parseFieldList("a:decimal") }
  }

  @Test func damagedBytesAreAnErrorNotACrash() throws {
    let fields = try StoredRecordCodec.parseFieldList(StoredRecordCodec.fieldList(layout))
    let records = buffer([
      [
        .text(Text("M1")), .number(1.5), .bool(true), .date(1), .set(TextSet([Text("a")])),
        .text(Text("n")),
      ]
    ])
    var bytes: [UInt8] = []
    StoredRecordCodec.encode(records, row: 0, into: &bytes)
    for cut in 0..<bytes.count {
      #expect(throws: StoredRecordError.self) {
        try StoredRecordCodec.decode(Array(bytes[0..<cut]), fields: fields, key: "M1")
      }
    }
    #expect(throws: StoredRecordError.self) {
      try StoredRecordCodec.decode(bytes + [0], fields: fields, key: "M1")
    }
  }

  @Test func fillsAnotherLayoutByName() throws {
    let stored = StoredRecord(
      merchantID: "M1", runID: 1, rulesPath: "r.rules", line: 2,
      fields: try StoredRecordCodec.parseFieldList("id:key,amount:number?,since:date,code:number"),
      values: [.text(Text("M1")), .number(7), .date(100), .number(42)])
    // A newer rule set: fields reordered, `code` now text, `extra` new, `since` dropped.
    let newer = RecordLayout(inputs: [
      ("code", .text, false), ("extra", .number.optional, false), ("id", .text, true),
      ("amount", .number, false),
    ])
    var records = RecordBuffer(layout: newer)
    let row = records.appendRow(line: 2)
    let unmatched = stored.fill(&records, row: row)
    #expect(unmatched == ["extra"])
    #expect(records.value(row: row, field: 0) == .text(Text("42")))
    #expect(records.value(row: row, field: 1) == .missing)
    #expect(records.value(row: row, field: 2) == .text(Text("M1")))
    #expect(records.value(row: row, field: 3) == .number(7))
    #expect(StoredRecord.firstMissingRequired(records, row: row) == nil)

    let strict = RecordLayout(inputs: [("id", .text, true), ("extra", .number, false)])
    var other = RecordBuffer(layout: strict)
    _ = stored.fill(&other, row: other.appendRow(line: 2))
    #expect(StoredRecord.firstMissingRequired(other, row: 0) == "extra")
  }

  @Test func typeChangeThatDoesNotDecodeLeavesTheFieldMissing() throws {
    let stored = StoredRecord(
      merchantID: "M1", runID: 1, rulesPath: "r.rules", line: 2,
      fields: try StoredRecordCodec.parseFieldList("id:key,size:text"),
      values: [.text(Text("M1")), .text(Text("large"))])
    let newer = RecordLayout(inputs: [("id", .text, true), ("size", .number, false)])
    var records = RecordBuffer(layout: newer)
    let unmatched = stored.fill(&records, row: records.appendRow(line: 2))
    #expect(unmatched == ["size"])
    #expect(StoredRecord.firstMissingRequired(records, row: 0) == "size")
  }

  /// A length near 2^64 in a stored record is a damaged record for both readers of the
  /// format: the codec and the challenger's mapping (which trapped on `Int(n - 1)`).
  @Test func aHugeTextLengthIsAnErrorForBothReaders() throws {
    let text = RecordLayout(inputs: [("id", .text, true), ("note", .text, false)])
    let fields = try StoredRecordCodec.parseFieldList(StoredRecordCodec.fieldList(text))
    // Format 1, then the note's varint(length + 1) = 2^64 - 1 and no bytes.
    let bytes: [UInt8] = [1] + [UInt8](repeating: 0xFF, count: 9) + [0x01]
    #expect(throws: StoredRecordError.self) {
      try StoredRecordCodec.decode(bytes, fields: fields, key: "M1")
    }
    let mapping = StoredRecordMapping(layout: text, storedFields: fields)
    var records = RecordBuffer(layout: text)
    let row = records.appendRow(line: 2)
    #expect(throws: StoredRecordError.self) {
      _ = try mapping.fill(bytes[...], key: "M1", into: &records, row: row)
    }
  }
}
