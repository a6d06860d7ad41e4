/// The text functions, on Unicode scalars as the contract counts them.
///
/// They work on the UTF-8 bytes in place: UTF-8 is prefix-free and self-synchronising, so
/// a byte prefix, suffix or substring of valid UTF-8 is exactly a scalar prefix, suffix or
/// substring, and counting non-continuation bytes counts scalars.
enum TextFunctions {
  /// Calls `body` with the text's UTF-8 bytes, without copying them when it can.
  @inline(__always)
  static func withBytes<R>(_ text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    text.withUTF8(body)
  }

  /// A text of these bytes, which must be valid UTF-8.
  @inline(__always)
  static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Text {
    Text(validUTF8: bytes)
  }

  /// The number of Unicode scalars.
  static func length(_ text: Text) -> Int {
    withBytes(text) { bytes in
      var n = 0
      for b in bytes where b & 0xC0 != 0x80 { n += 1 }
      return n
    }
  }

  /// Each scalar's default full lowercase mapping.
  static func lower(_ text: Text, inline: Bool = false) -> Text {
    if inline, let short = text.shortASCII { return Text(short.mappingCase(upper: false)) }
    return caseMapped(text, upper: false)
  }

  /// Each scalar's default full uppercase mapping (`ß` becomes `SS`).
  static func upper(_ text: Text, inline: Bool = false) -> Text {
    if inline, let short = text.shortASCII { return Text(short.mappingCase(upper: true)) }
    return caseMapped(text, upper: true)
  }

  private static func caseMapped(_ text: Text, upper: Bool) -> Text {
    // ASCII (nearly every code and label) maps byte by byte; anything else scalar by scalar.
    let ascii: Text?? = withBytes(text) { bytes in
      var change = false
      for b in bytes {
        if b >= 0x80 { return nil }
        if upper ? (b >= 0x61 && b <= 0x7A) : (b >= 0x41 && b <= 0x5A) { change = true }
      }
      if !change { return .some(nil) }
      let n = bytes.count
      return Text(
        String(unsafeUninitializedCapacity: n) { out in
          for i in 0..<n {
            let b = bytes[i]
            if upper {
              out[i] = b >= 0x61 && b <= 0x7A ? b - 0x20 : b
            } else {
              out[i] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            }
          }
          return n
        })
    }
    switch ascii {
    case .some(.some(let mapped)): return mapped
    case .some(.none): return text
    case .none: break
    }
    var out = String()
    out.reserveCapacity(text.utf8Count)
    for scalar in text.string.unicodeScalars {
      out += upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
    }
    return Text(out)
  }

  static func startsWith(_ text: Text, _ prefix: Text) -> Bool {
    withBytes(text) { x in
      withBytes(prefix) { y in
        y.count <= x.count && UnsafeBufferPointer(rebasing: x[0..<y.count]).elementsEqual(y)
      }
    }
  }

  static func endsWith(_ text: Text, _ suffix: Text) -> Bool {
    withBytes(text) { x in
      withBytes(suffix) { y in
        y.count <= x.count
          && UnsafeBufferPointer(rebasing: x[(x.count - y.count)...]).elementsEqual(y)
      }
    }
  }

  static func contains(_ text: Text, _ part: Text) -> Bool {
    withBytes(text) { x in
      withBytes(part) { y in
        if y.isEmpty { return true }
        if y.count > x.count { return false }
        let first = y[0]
        var i = 0
        let last = x.count - y.count
        while i <= last {
          if x[i] == first {
            var j = 1
            while j < y.count && x[i + j] == y[j] { j += 1 }
            if j == y.count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }

  /// `substr` of the text in a register (nil when it is missing), reading a short ASCII
  /// text in place.
  @inline(__always)
  static func substr(
    at register: UnsafePointer<Text?>, _ start: Double, _ length: Double, inline: Bool
  ) -> Text? {
    if inline, let short = ShortText.ascii(at: register) {
      let from = start.isNaN ? 0 : start.rounded(.towardZero)
      let to = from + (length.isNaN ? 0 : length.rounded(.towardZero))
      let lo = max(from, 0)
      guard to > lo else { return Text.empty }
      return inlineSubstr(short, lo, to)
    }
    return register.pointee.map { substr($0, start, length, inline: inline) }
  }

  /// `upper` or `lower` of the text in a register (nil when it is missing), reading a
  /// short ASCII text in place.
  @inline(__always)
  static func mapCase(at register: UnsafePointer<Text?>, upper: Bool, inline: Bool) -> Text? {
    if inline, let short = ShortText.ascii(at: register) {
      return Text(short.mappingCase(upper: upper))
    }
    return register.pointee.map { upper ? Self.upper($0) : lower($0) }
  }

  /// Positions [lo, to) of a short ASCII text, where scalar positions are byte positions;
  /// 0 ≤ lo < to.
  @inline(__always)
  private static func inlineSubstr(_ short: ShortText, _ lo: Double, _ to: Double) -> Text {
    let n = short.count
    guard lo < Double(n) else { return Text.empty }
    let first = Int(lo)
    let end = to < Double(n) ? Int(to) : n
    if first == 0 && end == n { return Text(short) }
    return Text(short.slice(from: first, to: end))
  }

  /// The scalars at positions [start, start + length) ∩ [0, length(text)); start and
  /// length are truncated toward zero first. `inline`: the `ShortText` path may be used.
  static func substr(_ text: Text, _ start: Double, _ length: Double, inline: Bool = false)
    -> Text
  {
    // In doubles: when start + length is small enough to matter, the two are within a
    // factor of two of each other's negation, so the sum is exact (Sterbenz).
    let from = start.isNaN ? 0 : start.rounded(.towardZero)
    let to = from + (length.isNaN ? 0 : length.rounded(.towardZero))
    let lo = max(from, 0)
    guard to > lo else { return Text.empty }
    if inline, let short = text.shortASCII { return inlineSubstr(short, lo, to) }
    return withBytes(text) { bytes in
      // A text has at most as many scalars as bytes.
      let limit = Double(bytes.count)
      guard lo < limit else { return Text.empty }
      let first = Int(lo)
      let end = to < limit ? Int(to) : bytes.count
      var scalar = 0
      var loByte = bytes.count
      var hiByte = bytes.count
      var i = 0
      while i < bytes.count {
        if bytes[i] & 0xC0 != 0x80 {
          if scalar == first { loByte = i }
          if scalar == end {
            hiByte = i
            break
          }
          scalar += 1
        }
        i += 1
      }
      if loByte == 0 && hiByte == bytes.count { return text }
      if loByte >= hiByte { return Text.empty }
      return Self.text(UnsafeBufferPointer(rebasing: bytes[loByte..<hiByte]))
    }
  }
}
