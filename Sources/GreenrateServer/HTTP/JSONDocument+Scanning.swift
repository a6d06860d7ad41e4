extension JSONDocument {
  static func skipSpace(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int) {
    while i < e {
      let c = p[i]
      guard c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D else { return }
      i += 1
    }
  }

  /// Skips (and checks) the value at `i`.
  static func skipValue(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int, depth: Int)
    throws(SyntaxError)
  {
    guard i < e else { throw SyntaxError(at: i, "expected a value") }
    switch p[i] {
    case UInt8(ascii: "{"):
      guard depth < maxDepth else { throw SyntaxError(at: i, "nested too deep") }
      i += 1
      skipSpace(p, &i, e)
      if i < e, p[i] == UInt8(ascii: "}") {
        i += 1
        return
      }
      while true {
        guard i < e, p[i] == UInt8(ascii: "\"") else {
          throw SyntaxError(at: i, "expected a member name in quotes")
        }
        try skipString(p, &i, e)
        skipSpace(p, &i, e)
        guard i < e, p[i] == UInt8(ascii: ":") else { throw SyntaxError(at: i, "expected ':'") }
        i += 1
        skipSpace(p, &i, e)
        try skipValue(p, &i, e, depth: depth + 1)
        skipSpace(p, &i, e)
        guard i < e else { throw SyntaxError(at: i, "expected ',' or '}'") }
        if p[i] == UInt8(ascii: "}") {
          i += 1
          return
        }
        guard p[i] == UInt8(ascii: ",") else { throw SyntaxError(at: i, "expected ',' or '}'") }
        i += 1
        skipSpace(p, &i, e)
      }
    case UInt8(ascii: "["):
      guard depth < maxDepth else { throw SyntaxError(at: i, "nested too deep") }
      i += 1
      skipSpace(p, &i, e)
      if i < e, p[i] == UInt8(ascii: "]") {
        i += 1
        return
      }
      while true {
        try skipValue(p, &i, e, depth: depth + 1)
        skipSpace(p, &i, e)
        guard i < e else { throw SyntaxError(at: i, "expected ',' or ']'") }
        if p[i] == UInt8(ascii: "]") {
          i += 1
          return
        }
        guard p[i] == UInt8(ascii: ",") else { throw SyntaxError(at: i, "expected ',' or ']'") }
        i += 1
        skipSpace(p, &i, e)
      }
    case UInt8(ascii: "\""):
      try skipString(p, &i, e)
    case UInt8(ascii: "t"): try literal("true", p, &i, e)
    case UInt8(ascii: "f"): try literal("false", p, &i, e)
    case UInt8(ascii: "n"): try literal("null", p, &i, e)
    default: try skipNumber(p, &i, e)
    }
  }

  private static func literal(
    _ word: StaticString, _ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int
  ) throws(SyntaxError) {
    let n = word.utf8CodeUnitCount
    guard i + n <= e else { throw SyntaxError(at: i, "expected a value") }
    for k in 0..<n where p[i + k] != word.utf8Start[k] {
      throw SyntaxError(at: i, "expected a value")
    }
    i += n
  }

  private static func skipNumber(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int)
    throws(SyntaxError)
  {
    let start = i
    func digits() -> Int {
      let from = i
      while i < e, p[i] &- 48 < 10 { i += 1 }
      return i - from
    }
    if i < e, p[i] == UInt8(ascii: "-") { i += 1 }
    guard i < e, p[i] &- 48 < 10 else { throw SyntaxError(at: start, "expected a value") }
    if p[i] == UInt8(ascii: "0") {
      i += 1
    } else {
      _ = digits()
    }
    if i < e, p[i] == UInt8(ascii: ".") {
      i += 1
      guard digits() > 0 else { throw SyntaxError(at: start, "a malformed number") }
    }
    if i < e, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
      i += 1
      if i < e, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { throw SyntaxError(at: start, "a malformed number") }
    }
  }

  /// Skips the string whose quote is at `i`: escapes, control characters and UTF-8
  /// checked.
  static func skipString(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int)
    throws(SyntaxError)
  {
    let open = i
    i += 1
    while i < e {
      let c = p[i]
      if c == UInt8(ascii: "\"") {
        i += 1
        return
      }
      if c < 0x20 { throw SyntaxError(at: i, "a control character inside a string") }
      if c == UInt8(ascii: "\\") {
        guard i + 1 < e else { break }
        switch p[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          i += 2
        case UInt8(ascii: "u"):
          guard i + 6 <= e, (2..<6).allSatisfy({ hexValue(p[i + $0]) != nil }) else {
            throw SyntaxError(at: i, "a bad \\u escape")
          }
          i += 6
        default: throw SyntaxError(at: i, "a bad escape")
        }
        continue
      }
      if c < 0x80 {
        i += 1
        continue
      }
      try skipUTF8(p, &i, e)
    }
    throw SyntaxError(at: open, "a string is not closed")
  }

  /// One multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
  private static func skipUTF8(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ e: Int)
    throws(SyntaxError)
  {
    let c = p[i]
    let count: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch c {
    case 0xC2...0xDF: count = 2
    case 0xE0:
      count = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: count = 3
    case 0xED:
      count = 3
      high = 0x9F
    case 0xF0:
      count = 4
      low = 0x90
    case 0xF1...0xF3: count = 4
    case 0xF4:
      count = 4
      high = 0x8F
    default: throw SyntaxError(at: i, "invalid UTF-8")
    }
    guard i + count <= e, p[i + 1] >= low, p[i + 1] <= high else {
      throw SyntaxError(at: i, "invalid UTF-8")
    }
    for k in 2..<max(2, count) where p[i + k] & 0xC0 != 0x80 {
      throw SyntaxError(at: i, "invalid UTF-8")
    }
    i += count
  }
}
