import GreenrateLanguage

/// Strict JSON (RFC 8259) scanning on the bytes of one line: whitespace, strings,
/// literals and whole values, each validated without building anything.
package enum JSONScanner {
  /// Why a line is not valid JSON; `at` is the offending byte's index.
  package enum Fault: Error {
    case expected(String, at: Int)
    case unterminatedString(at: Int)
    case controlCharacter(at: Int)
    case badEscape(at: Int)
    case loneSurrogate(UInt16, at: Int)
    case invalidUTF8(at: Int)
    case badNumber(at: Int)
    case tooDeep(at: Int)
    case trailingText(at: Int)

    package var at: Int {
      switch self {
      case .expected(_, let at), .unterminatedString(let at), .controlCharacter(let at),
        .badEscape(let at), .loneSurrogate(_, let at), .invalidUTF8(let at), .badNumber(let at),
        .tooDeep(let at), .trailingText(let at):
        return at
      }
    }

    /// The problem in words; `lineStart` turns byte indexes into columns.
    func message(lineStart: Int) -> String {
      let column = at - lineStart + 1
      switch self {
      case .expected(let what, _): return "invalid JSON at column \(column): expected \(what)"
      case .unterminatedString:
        return "invalid JSON: a string starting at column \(column) is not closed"
      case .controlCharacter:
        return "invalid JSON at column \(column): a control character inside a string"
      case .badEscape: return "invalid JSON at column \(column): a bad escape in a string"
      case .loneSurrogate(let unit, _):
        return
          "a string holds a lone surrogate \\u\(hex4(unit)) (column \(column)), which is not valid Unicode"
      case .invalidUTF8: return "invalid UTF-8 at column \(column)"
      case .badNumber: return "invalid JSON at column \(column): a malformed number"
      case .trailingText:
        return "invalid JSON at column \(column): text after the end of the object"
      case .tooDeep:
        return "invalid JSON at column \(column): nested more than \(maxDepth) levels deep"
      }
    }
  }

  static let maxDepth = 512

  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  @inline(__always)
  package static func skipWhitespace(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int) {
    while i < e {
      let c = p[i]
      guard c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A else { return }
      i += 1
    }
  }

  /// Scans the string whose opening quote is at `i`, leaving `i` after the closing quote.
  /// Returns the content's bounds and whether it holds escapes (then see `unescape`).
  @inline(__always)
  package static func scanString(
    _ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int
  ) throws(Fault) -> (start: Int, end: Int, escaped: Bool) {
    let open = i
    i += 1
    let start = i
    var escaped = false
    while true {
      // Eight bytes at a time up to a quote, backslash, control byte or non-ASCII byte
      // (the lowest flagged byte is exact; borrows only flag bytes above a match).
      while i + 8 <= e {
        let x = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
        let q = x ^ (ones &* UInt64(quote))
        let b = x ^ (ones &* UInt64(backslash))
        let special =
          ((q &- ones) & ~q | (b &- ones) & ~b | (x &- ones &* 0x20) & ~x | x) & highBits
        if special != 0 {
          i += special.trailingZeroBitCount >> 3
          break
        }
        i += 8
      }
      while i < e {
        let c = p[i]
        if c == quote || c == backslash || c < 0x20 || c >= 0x80 { break }
        i += 1
      }
      guard i < e else { throw .unterminatedString(at: open) }
      let c = p[i]
      if c == quote {
        i += 1
        return (start, i - 1, escaped)
      }
      if c == backslash {
        escaped = true
        try scanEscape(p, &i, e)
      } else if c < 0x20 {
        throw .controlCharacter(at: i)
      } else {
        let length = UTF8Validation.sequenceLength(p, i, e)
        guard length > 0 else { throw .invalidUTF8(at: i) }
        i += length
      }
    }
  }

  /// Checks the escape at `i` (a backslash) and moves past it.
  private static func scanEscape(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int) throws(Fault)
  {
    guard i + 1 < e else { throw .unterminatedString(at: i) }
    switch p[i + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      i += 2
    case UInt8(ascii: "u"):
      guard let unit = hexUnit(p, i + 2, e) else { throw .badEscape(at: i) }
      if unit >= 0xDC00 && unit <= 0xDFFF { throw .loneSurrogate(unit, at: i) }
      if unit >= 0xD800 && unit <= 0xDBFF {
        guard i + 7 < e, p[i + 6] == backslash, p[i + 7] == UInt8(ascii: "u"),
          let low = hexUnit(p, i + 8, e), low >= 0xDC00 && low <= 0xDFFF
        else { throw .loneSurrogate(unit, at: i) }
        i += 12
      } else {
        i += 6
      }
    default:
      throw .badEscape(at: i)
    }
  }

  /// The four hex digits at `p[i..<i+4]` as a UTF-16 unit.
  @inline(__always)
  static func hexUnit(_ p: UnsafePointer<UInt8>, _ i: Int, _ e: Int) -> UInt16? {
    guard i + 4 <= e else { return nil }
    var v: UInt16 = 0
    for k in i..<i + 4 {
      let c = p[k]
      let d: UInt8
      switch c {
      case 48...57: d = c - 48
      case 65...70: d = c - 55
      case 97...102: d = c - 87
      default: return nil
      }
      v = v << 4 | UInt16(d)
    }
    return v
  }

  /// The content of a scanned string with escapes undone, as UTF-8.
  package static func unescape(
    _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, into out: inout [UInt8]
  ) {
    out.removeAll(keepingCapacity: true)
    var i = start
    while i < end {
      let c = p[i]
      guard c == backslash else {
        out.append(c)
        i += 1
        continue
      }
      let kind = p[i + 1]
      i += 2
      switch kind {
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = UInt32(hexUnit(p, i, end) ?? 0xFFFD)
        i += 4
        if scalar >= 0xD800 && scalar <= 0xDBFF {
          let low = UInt32(hexUnit(p, i + 2, end) ?? 0xDC00)
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        appendUTF8(scalar, to: &out)
      default: out.append(kind)  // \" \\ \/
      }
    }
  }

  private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    switch v {
    case 0..<0x80:
      out.append(UInt8(v))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | v >> 6))
      out.append(UInt8(0x80 | v & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | v >> 12))
      out.append(UInt8(0x80 | v >> 6 & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    default:
      out.append(UInt8(0xF0 | v >> 18))
      out.append(UInt8(0x80 | v >> 12 & 0x3F))
      out.append(UInt8(0x80 | v >> 6 & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    }
  }

  /// Matches `true`, `false` or `null` at `i`; the literal's value (nil for null).
  @inline(__always)
  static func literal(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int) throws(Fault) -> Bool? {
    // Four bytes compared at once: "true", "null", "fals" + "e" (little-endian words).
    if i + 4 <= e {
      let word = UInt32(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self))
      switch word {
      case 0x6575_7274:
        i += 4
        return true
      case 0x6C6C_756E:
        i += 4
        return nil
      case 0x736C_6166 where i + 5 <= e && p[i + 4] == UInt8(ascii: "e"):
        i += 5
        return false
      default:
        break
      }
    }
    throw .expected("a value", at: i)
  }

  /// Skips one whole value at `i` (after whitespace), validating it; no recursion, so
  /// deep nesting cannot exhaust the stack.
  package static func skipValue(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int) throws(Fault) {
    var inObject: [Bool] = []  // the open containers, innermost last
    while true {
      // A value.
      skipWhitespace(p, &i, e)
      guard i < e else { throw .expected("a value", at: i) }
      switch p[i] {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let isObject = p[i] == UInt8(ascii: "{")
        guard inObject.count < maxDepth else { throw .tooDeep(at: i) }
        inObject.append(isObject)
        i += 1
        skipWhitespace(p, &i, e)
        if i < e && p[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
          i += 1
          inObject.removeLast()
        } else {
          if isObject { try objectKey(p, &i, e) }
          continue
        }
      case quote:
        _ = try scanString(p, &i, e)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        let start = i
        guard DecimalNumber.scanJSON(p, &i, e) != nil else { throw .badNumber(at: start) }
      default:
        _ = try literal(p, &i, e)
      }
      // After a value: close containers or move to the next item.
      while true {
        guard let isObject = inObject.last else { return }
        skipWhitespace(p, &i, e)
        guard i < e else { throw .expected(isObject ? "',' or '}'" : "',' or ']'", at: i) }
        let c = p[i]
        if c == UInt8(ascii: ",") {
          i += 1
          if isObject { try objectKey(p, &i, e) }
          break
        }
        if c == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
          i += 1
          inObject.removeLast()
          continue
        }
        throw .expected(isObject ? "',' or '}'" : "',' or ']'", at: i)
      }
    }
  }

  /// A key and its colon inside an object being skipped.
  private static func objectKey(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int) throws(Fault) {
    skipWhitespace(p, &i, e)
    guard i < e && p[i] == quote else { throw .expected("a key in double quotes", at: i) }
    _ = try scanString(p, &i, e)
    skipWhitespace(p, &i, e)
    guard i < e && p[i] == UInt8(ascii: ":") else { throw .expected("':'", at: i) }
    i += 1
  }

  /// Raw JSON text shown in a message: cut after 64 bytes, on one line.
  static func shown(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> String {
    var n = min(end - start, 64)
    while start + n < end && n > 0 && p[start + n] & 0xC0 == 0x80 { n -= 1 }
    var text = String(decoding: UnsafeBufferPointer(start: p + start, count: n), as: UTF8.self)
    text = String(text.map { $0 == "\t" || $0 == "\r" ? " " : $0 })
    return start + n < end ? text + "\u{2026}" : text
  }

  static func hex4(_ unit: UInt16) -> String {
    let digits = String(unit, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }
}
