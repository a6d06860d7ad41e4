import GreenrateLanguage

extension JSONLineParser {
  /// Decodes the value at `i` for target `t` into the row, leaving `i` after it.
  /// Throws for broken JSON; returns the rest of a message (after `field "NAME"`) for a
  /// value of the wrong type.
  @inline(__always)
  mutating func decodeValue(
    _ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int, target t: Int, row: Int,
    _ storage: ChunkStorage, _ state: inout RecordState
  ) throws(JSONScanner.Fault) -> String? {
    let c = p[i]
    let start = i
    if c == UInt8(ascii: "n") {
      _ = try JSONScanner.literal(p, &i, e)
      return nil  // null: missing
    }
    let slot = targets[t].slot
    switch targets[t].kind {
    case .number:
      guard c == UInt8(ascii: "-") || c &- 48 < 10 else {
        return try wrongType(p, &i, e, "is not a number")
      }
      guard let x = DecimalNumber.scanJSON(p, &i, e) else { throw .badNumber(at: start) }
      if x.isNaN { return ": \(JSONScanner.shown(p, from: start, to: i)) is not a finite number" }
      storage.setScalar(x, row: row, slot: slot)
    case .bool:
      guard c == UInt8(ascii: "t") || c == UInt8(ascii: "f") else {
        return try wrongType(p, &i, e, "is not a bool (true or false)")
      }
      let b = try JSONScanner.literal(p, &i, e)
      storage.setScalar(b == true ? 1 : 0, row: row, slot: slot)
    case .text:
      guard c == UInt8(ascii: "\"") else {
        return try wrongType(p, &i, e, "is not a text (a string)")
      }
      let text = try string(p, &i, e)
      if targets[t].isKey {
        if text.utf8Count == 0 {
          state.keyProblem = " is empty"
          return nil
        }
        state.key = text
      }
      storage.setText(text, row: row, slot: slot)
    case .date:
      guard c == UInt8(ascii: "\"") else {
        return try wrongType(p, &i, e, "is not a date (a \"YYYY-MM-DD\" string)")
      }
      let s = try JSONScanner.scanString(p, &i, e)
      let day: Int?
      if s.escaped {
        JSONScanner.unescape(p, from: s.start, to: s.end, into: &scratch)
        day = Day.parse(scratch)
      } else {
        day = CellDecoder.date(p + s.start, count: s.end - s.start)
      }
      guard let day else {
        return
          ": \(JSONScanner.shown(p, from: start, to: i)) is not a date (a real day as YYYY-MM-DD)"
      }
      storage.setScalar(Double(day), row: row, slot: slot)
    case .set:
      guard c == UInt8(ascii: "[") else {
        return try wrongType(p, &i, e, "is not a set (an array of strings)")
      }
      guard let set = try stringArray(p, &i, e) else {
        return ": \(JSONScanner.shown(p, from: start, to: i)) is not a set (an array of strings)"
      }
      storage.setSet(set.isEmpty ? .empty : TextSet(set), row: row, slot: slot)
    case .extraOnly:
      try JSONScanner.skipValue(p, &i, e)
      return nil
    }
    presentIn[t] = recordNumber
    return nil
  }

  /// Skips a value of the wrong type and says so.
  private func wrongType(
    _ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int, _ what: String
  ) throws(JSONScanner.Fault) -> String {
    let start = i
    try JSONScanner.skipValue(p, &i, e)
    return ": \(JSONScanner.shown(p, from: start, to: i)) \(what)"
  }

  /// The string at `i` as a text.
  @inline(__always)
  mutating func string(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int) throws(JSONScanner
    .Fault)
    -> Text
  {
    let s = try JSONScanner.scanString(p, &i, e)
    if !s.escaped { return CellDecoder.text(p + s.start, count: s.end - s.start) }
    JSONScanner.unescape(p, from: s.start, to: s.end, into: &scratch)
    return scratch.withUnsafeBufferPointer { Text(validUTF8: $0) }
  }

  /// The array at `i` as texts; nil (with the array skipped) if an item is not a string.
  mutating func stringArray(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int) throws(JSONScanner
    .Fault) -> [Text]?
  {
    i += 1
    JSONScanner.skipWhitespace(p, &i, e)
    var items: [Text] = []
    var allStrings = true
    if i < e && p[i] == UInt8(ascii: "]") {
      i += 1
      return items
    }
    while true {
      guard i < e else { throw .expected("a value", at: i) }
      if p[i] == UInt8(ascii: "\"") {
        let text = try string(p, &i, e)
        if allStrings { items.append(text) }
      } else {
        allStrings = false
        try JSONScanner.skipValue(p, &i, e)
      }
      JSONScanner.skipWhitespace(p, &i, e)
      guard i < e else { throw .expected("',' or ']'", at: i) }
      if p[i] == UInt8(ascii: ",") {
        i += 1
        JSONScanner.skipWhitespace(p, &i, e)
        continue
      }
      guard p[i] == UInt8(ascii: "]") else { throw .expected("',' or ']'", at: i) }
      i += 1
      return allStrings ? items : nil
    }
  }

  /// An extra field from its (already validated) JSON text.
  mutating func extraValue(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> ExtraField {
    var i = start
    let raw = ExtraField.text(
      String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self))
    do throws(JSONScanner.Fault) {
      switch p[i] {
      case UInt8(ascii: "\""):
        return .text(try string(p, &i, end).string)
      case UInt8(ascii: "["):
        guard let items = try stringArray(p, &i, end) else { return raw }
        return .list(items.map(\.string))
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard let x = DecimalNumber.scanJSON(p, &i, end), !x.isNaN else { return raw }
        return .number(x)
      case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
        guard let b = try JSONScanner.literal(p, &i, end) else { return .missing }
        return .bool(b)
      default:
        return raw
      }
    } catch {
      return raw
    }
  }
}
