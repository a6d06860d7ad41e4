import GreenrateLanguage
import GreenrateReaders

/// The body of `POST /v1/score`, `{"records": [ {...}, ... ], "as_of": ...}`, read in
/// one pass: the whole body is checked as JSON while the byte range of every record is
/// noted, so the records are then decoded in place (`JSONObjectDecoder`), never copied
/// or scanned a third time.
struct ScoreBody {
  /// Each record's bytes in the body.
  var records: [Range<Int>] = []
  var asOf: Int?

  init(_ bytes: [UInt8]) throws(APIError) {
    var sawRecords = false
    var isObject = true
    var found: [Range<Int>] = []
    var asOfRange: Range<Int>?
    var unknown: String?
    var notAnArray = false
    do {
      try bytes.withUnsafeBufferPointer { b throws(JSONScanner.Fault) in
        guard let p = b.baseAddress else { throw .expected("a value", at: 0) }
        let e = b.count
        var i = 0
        JSONScanner.skipWhitespace(p, &i, e)
        guard i < e, p[i] == UInt8(ascii: "{") else {
          try JSONScanner.skipValue(p, &i, e)
          JSONScanner.skipWhitespace(p, &i, e)
          guard i == e else { throw .trailingText(at: i) }
          isObject = false
          return
        }
        i += 1
        JSONScanner.skipWhitespace(p, &i, e)
        if i < e, p[i] == UInt8(ascii: "}") {
          i += 1
        } else {
          while true {
            guard i < e, p[i] == UInt8(ascii: "\"") else {
              throw .expected("a key in double quotes", at: i)
            }
            let nameStart = i
            _ = try JSONScanner.scanString(p, &i, e)
            let name = ScoreBody.name(p, nameStart, i)
            JSONScanner.skipWhitespace(p, &i, e)
            guard i < e, p[i] == UInt8(ascii: ":") else { throw .expected("':'", at: i) }
            i += 1
            JSONScanner.skipWhitespace(p, &i, e)
            let valueStart = i
            if name == "records", i < e, p[i] == UInt8(ascii: "[") {
              sawRecords = true
              try ScoreBody.items(p, &i, e, into: &found)
            } else {
              try JSONScanner.skipValue(p, &i, e)
              switch name {
              case "records":
                sawRecords = true
                notAnArray = true
              case "as_of": asOfRange = valueStart..<i
              default: if unknown == nil { unknown = name }
              }
            }
            JSONScanner.skipWhitespace(p, &i, e)
            guard i < e else { throw .expected("',' or '}'", at: i) }
            if p[i] == UInt8(ascii: "}") {
              i += 1
              break
            }
            guard p[i] == UInt8(ascii: ",") else { throw .expected("',' or '}'", at: i) }
            i += 1
            JSONScanner.skipWhitespace(p, &i, e)
          }
        }
        JSONScanner.skipWhitespace(p, &i, e)
        guard i == e else { throw .trailingText(at: i) }
      }
    } catch {
      throw JSONDocument.malformed(error)
    }
    guard isObject else {
      throw APIError(.badRequest, "the body must be a JSON object {\"records\": [...]}")
    }
    if let unknown {
      throw APIError(
        .badRequest, "unknown member `\(ServerResponder.shown(unknown))` (expected records, as_of)")
    }
    if notAnArray { throw APIError(.badRequest, "records must be an array of record objects") }
    guard sawRecords else { throw APIError(.badRequest, "records is missing") }
    records = found
    if let asOfRange {
      let json = try JSONDocument(Array(bytes[asOfRange]))
      asOf = try RescoreRequest.day(json, json.root)
    }
  }

  /// The items of the array at `i` (its `[`), each checked, their ranges appended.
  private static func items(
    _ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int, into out: inout [Range<Int>]
  ) throws(JSONScanner.Fault) {
    i += 1
    JSONScanner.skipWhitespace(p, &i, e)
    if i < e, p[i] == UInt8(ascii: "]") {
      i += 1
      return
    }
    while true {
      JSONScanner.skipWhitespace(p, &i, e)
      let start = i
      try JSONScanner.skipValue(p, &i, e)
      out.append(start..<i)
      JSONScanner.skipWhitespace(p, &i, e)
      guard i < e else { throw .expected("',' or ']'", at: i) }
      if p[i] == UInt8(ascii: "]") {
        i += 1
        return
      }
      guard p[i] == UInt8(ascii: ",") else { throw .expected("',' or ']'", at: i) }
      i += 1
    }
  }

  /// A member name (its quotes at `start` and `end - 1`), unescaped.
  private static func name(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
    var out: [UInt8] = []
    JSONScanner.unescape(p, from: start + 1, to: end - 1, into: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
