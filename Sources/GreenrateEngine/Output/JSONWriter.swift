import GreenrateLanguage

/// Appends JSON to a byte buffer: the one place results become JSON text.
///
/// Byte-level so that the batch's workers can encode millions of rows without
/// Foundation. Numbers use Swift's shortest round-trip form, so a stored double reads
/// back as exactly the same value.
package struct JSONWriter: Sendable {
  package var bytes: [UInt8] = []

  package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  @inlinable
  package mutating func raw(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  @inlinable
  package mutating func byte(_ b: UInt8) { bytes.append(b) }

  /// A JSON string, escaped per RFC 8259.
  package mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { string(utf8: $0) }
  }

  /// A text value as a JSON string, from its bytes (no `String` made).
  package mutating func string(_ t: Text) {
    t.withUTF8 { string(utf8: $0) }
  }

  package mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    // Most texts (ids, codes) need no escape: one copy instead of a check per byte.
    if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == 0x5C }) {
      bytes.append(contentsOf: utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for b in utf8 {
      switch b {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0..<0x20:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [
          0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)],
        ])
      default: bytes.append(b)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// A finite double in shortest round-trip form; integral values print without a
  /// fraction (`40`, not `40.0`) as long as they are exact integers below 2^53.
  package mutating func number(_ x: Double) {
    if x == x.rounded(), abs(x) < 9_007_199_254_740_992 {
      let i = Int64(x)
      if i == 0 && x.sign == .minus {
        raw("-0")
        return
      }
      integer(i)
    } else {
      bytes.append(contentsOf: x.description.utf8)
    }
  }

  /// The decimal digits of `i`, written from a stack buffer (no `String` made).
  private mutating func integer(_ i: Int64) {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: 20 digits and a sign
    withUnsafeMutableBytes(of: &digits) { buffer in
      var n = i.magnitude
      var at = buffer.count
      repeat {
        at -= 1
        buffer[at] = UInt8(ascii: "0") + UInt8(n % 10)
        n /= 10
      } while n > 0
      if i < 0 {
        at -= 1
        buffer[at] = UInt8(ascii: "-")
      }
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[at...]))
    }
  }

  package mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

  package mutating func null() { raw("null") }

  /// A JSON array of strings.
  package mutating func stringArray<S: Sequence>(_ items: S) where S.Element == String {
    byte(UInt8(ascii: "["))
    var first = true
    for item in items {
      if !first { byte(UInt8(ascii: ",")) }
      first = false
      string(item)
    }
    byte(UInt8(ascii: "]"))
  }

  /// A rule-language value: missing as null, dates as `"YYYY-MM-DD"`, sets as arrays
  /// sorted by Unicode scalar values.
  package mutating func value(_ v: Value) {
    switch v {
    case .missing: null()
    case .number(let x): number(x)
    case .text(let t): string(t)
    case .bool(let b): bool(b)
    case .date(let d): string(Day.format(d))
    case .set(let s):
      byte(UInt8(ascii: "["))
      for (i, item) in s.items.enumerated() {
        if i > 0 { byte(UInt8(ascii: ",")) }
        string(item)
      }
      byte(UInt8(ascii: "]"))
    }
  }

  package var text: String { String(decoding: bytes, as: UTF8.self) }
}
