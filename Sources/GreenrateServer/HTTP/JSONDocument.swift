import GreenrateReaders

/// A request body checked as strict JSON (RFC 8259, UTF-8) in one pass, then read by
/// byte ranges: members of an object, items of an array, strings, raw value text.
///
/// The checking and skipping are the record readers' own (`JSONScanner`), so a body
/// and a JSON Lines record are held to the same rules.
struct JSONDocument {
  let bytes: [UInt8]
  /// The top-level value.
  let root: Range<Int>

  /// The kinds of JSON value, by first byte.
  enum Kind: Equatable {
    case object, array, string, number, bool, null
  }

  /// Checks `bytes`; throws a one-sentence reason when they are not one JSON value.
  init(_ bytes: [UInt8]) throws(APIError) {
    self.bytes = bytes
    do {
      root = try bytes.withUnsafeBufferPointer { b throws(JSONScanner.Fault) -> Range<Int> in
        guard let p = b.baseAddress else { throw .expected("a value", at: 0) }
        let e = b.count
        var i = 0
        JSONScanner.skipWhitespace(p, &i, e)
        let start = i
        try JSONScanner.skipValue(p, &i, e)
        let end = i
        JSONScanner.skipWhitespace(p, &i, e)
        guard i == e else { throw .trailingText(at: i) }
        return start..<end
      }
    } catch {
      throw JSONDocument.malformed(error)
    }
  }

  /// The 400 for a body that is not JSON: where, and what is wrong there.
  static func malformed(_ fault: JSONScanner.Fault) -> APIError {
    let reason: String
    switch fault {
    case .expected(let what, _): reason = "expected \(what)"
    case .unterminatedString: reason = "a string is not closed"
    case .controlCharacter: reason = "a control character inside a string"
    case .badEscape: reason = "a bad escape in a string"
    case .loneSurrogate: reason = "a lone surrogate escape, which is not valid Unicode"
    case .invalidUTF8: reason = "invalid UTF-8"
    case .badNumber: reason = "a malformed number"
    case .tooDeep: reason = "nested too deep"
    case .trailingText: reason = "text after the end of the JSON value"
    }
    return APIError(.badRequest, "malformed JSON at byte \(fault.at + 1): \(reason)")
  }

  func kind(_ r: Range<Int>) -> Kind {
    switch bytes[r.lowerBound] {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    default: return .number
    }
  }

  /// The members of the object at `r`, in order (names unescaped).
  func members(_ r: Range<Int>) -> [(name: String, value: Range<Int>)] {
    var out: [(String, Range<Int>)] = []
    children(of: r) { (p, i, e) throws(JSONScanner.Fault) in
      let nameStart = i
      _ = try JSONScanner.scanString(p, &i, e)
      let name = string(nameStart..<i)
      JSONScanner.skipWhitespace(p, &i, e)
      i += 1  // ':'
      JSONScanner.skipWhitespace(p, &i, e)
      let valueStart = i
      try JSONScanner.skipValue(p, &i, e)
      out.append((name, valueStart..<i))
    }
    return out
  }

  /// The items of the array at `r`, in order.
  func items(_ r: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    children(of: r) { (p, i, e) throws(JSONScanner.Fault) in
      let start = i
      try JSONScanner.skipValue(p, &i, e)
      out.append(start..<i)
    }
    return out
  }

  /// Calls `each` at the start of every member or item of the container at `r` (checked
  /// already, so nothing throws in practice).
  private func children(
    of r: Range<Int>,
    _ each: (UnsafePointer<UInt8>, inout Int, Int) throws(JSONScanner.Fault) -> Void
  ) {
    bytes.withUnsafeBufferPointer { b in
      guard let p = b.baseAddress else { return }
      var i = r.lowerBound + 1
      let e = r.upperBound - 1
      do throws(JSONScanner.Fault) {
        while true {
          JSONScanner.skipWhitespace(p, &i, e)
          if i >= e { return }
          if p[i] == UInt8(ascii: ",") {
            i += 1
            JSONScanner.skipWhitespace(p, &i, e)
          }
          try each(p, &i, e)
        }
      } catch {
        return
      }
    }
  }

  /// The string at `r`, unescaped.
  func string(_ r: Range<Int>) -> String {
    var out: [UInt8] = []
    bytes.withUnsafeBufferPointer { b in
      guard let p = b.baseAddress else { return }
      JSONScanner.unescape(p, from: r.lowerBound + 1, to: r.upperBound - 1, into: &out)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The value's JSON text as sent.
  func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

  static func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
