/// A request body checked as strict JSON (RFC 8259, UTF-8) in one pass, then read by
/// byte ranges: members of an object, items of an array, strings, raw value text.
///
/// Nothing is built for values that are only passed on: `POST /v1/score` hands each
/// record's bytes to the engine's JSON Lines reader as they are.
struct JSONDocument {
  let bytes: [UInt8]
  /// The top-level value.
  let root: Range<Int>

  /// The kinds of JSON value, by first byte.
  enum Kind: Equatable {
    case object, array, string, number, bool, null
  }

  /// Deepest nesting accepted (records are flat; this only bounds recursion).
  static let maxDepth = 64

  /// Checks `bytes`; throws a one-sentence reason when they are not one JSON value.
  init(_ bytes: [UInt8]) throws(APIError) {
    self.bytes = bytes
    var i = 0
    let e = bytes.count
    let root: Range<Int>
    do {
      root = try bytes.withUnsafeBufferPointer { b throws(SyntaxError) -> Range<Int> in
        guard let p = b.baseAddress else { throw SyntaxError(at: 0, "the body is empty") }
        JSONDocument.skipSpace(p, &i, e)
        guard i < e else { throw SyntaxError(at: i, "the body is empty") }
        let start = i
        try JSONDocument.skipValue(p, &i, e, depth: 0)
        let end = i
        JSONDocument.skipSpace(p, &i, e)
        guard i == e else { throw SyntaxError(at: i, "text after the end of the JSON value") }
        return start..<end
      }
    } catch {
      throw APIError(.badRequest, "malformed JSON at byte \(error.at + 1): \(error.reason)")
    }
    self.root = root
  }

  struct SyntaxError: Error {
    let at: Int
    let reason: String
    init(at: Int, _ reason: String) {
      self.at = at
      self.reason = reason
    }
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
    bytes.withUnsafeBufferPointer { b in
      guard let p = b.baseAddress else { return }
      var i = r.lowerBound + 1
      let e = r.upperBound
      while true {
        JSONDocument.skipSpace(p, &i, e)
        if i >= e - 1 || p[i] == UInt8(ascii: "}") { return }
        if p[i] == UInt8(ascii: ",") {
          i += 1
          JSONDocument.skipSpace(p, &i, e)
        }
        let nameStart = i
        try? JSONDocument.skipString(p, &i, e)
        let name = string(nameStart..<i)
        JSONDocument.skipSpace(p, &i, e)
        i += 1  // ':'
        JSONDocument.skipSpace(p, &i, e)
        let valueStart = i
        try? JSONDocument.skipValue(p, &i, e, depth: 0)
        out.append((name, valueStart..<i))
      }
    }
    return out
  }

  /// The items of the array at `r`, in order.
  func items(_ r: Range<Int>) -> [Range<Int>] {
    var out: [Range<Int>] = []
    bytes.withUnsafeBufferPointer { b in
      guard let p = b.baseAddress else { return }
      var i = r.lowerBound + 1
      let e = r.upperBound
      while true {
        JSONDocument.skipSpace(p, &i, e)
        if i >= e - 1 || p[i] == UInt8(ascii: "]") { return }
        if p[i] == UInt8(ascii: ",") {
          i += 1
          JSONDocument.skipSpace(p, &i, e)
        }
        let start = i
        try? JSONDocument.skipValue(p, &i, e, depth: 0)
        out.append(start..<i)
      }
    }
    return out
  }

  /// The string at `r`, unescaped.
  func string(_ r: Range<Int>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(r.count)
    var i = r.lowerBound + 1
    let e = r.upperBound - 1
    while i < e {
      let c = bytes[i]
      guard c == UInt8(ascii: "\\") else {
        out.append(c)
        i += 1
        continue
      }
      let x = bytes[i + 1]
      i += 2
      switch x {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        var scalar = hex4(at: i)
        i += 4
        if scalar >= 0xD800, scalar < 0xDC00, i + 6 <= e, bytes[i] == UInt8(ascii: "\\") {
          let low = hex4(at: i + 2)
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(s)).utf8)
      default: out.append(x)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The value's JSON text as sent.
  func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

  private func hex4(at i: Int) -> UInt32 {
    var v: UInt32 = 0
    for k in 0..<4 { v = v << 4 | UInt32(JSONDocument.hexValue(bytes[i + k]) ?? 0) }
    return v
  }

  static func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
