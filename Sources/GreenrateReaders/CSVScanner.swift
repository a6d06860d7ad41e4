/// Finds the fields of one CSV record (RFC 4180) in a byte buffer, in one pass.
enum CSVScanner {
  /// Where a field starts: its index, its first byte, and how many LFs of the record
  /// precede it.
  struct FieldPosition {
    var field: Int
    var start: Int
    var lines: Int
  }

  enum Problem {
    /// A quoted field runs to the end of the input.
    case neverClosed
    /// Something other than a comma or line end follows a closing quote.
    case textAfterQuote
    /// A quote inside a field that does not start with one.
    case quoteInUnquoted
  }

  enum Outcome {
    /// A complete record: `end` is just past its line end, `lines` the LFs it consumed.
    case record(end: Int, lines: Int, fields: Int)
    /// The buffer ends inside the record; `at` is the field being scanned.
    case incomplete(at: FieldPosition)
    case malformed(Problem, at: FieldPosition)
  }

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let lf = UInt8(ascii: "\n")
  private static let cr = UInt8(ascii: "\r")

  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of every zero byte of `v` (exact: no carry crosses bytes).
  @inline(__always)
  private static func zeroBytes(_ v: UInt64) -> UInt64 {
    let low = ones &* 0x7F
    return ~(((v & low) &+ low) | v | low)
  }

  /// The high bit of the first byte of `x` that is a comma, LF or quote, and perhaps of
  /// some later bytes (a borrow can flag a byte after a match, never one before it).
  @inline(__always)
  private static func specialBytes(_ x: UInt64) -> UInt64 {
    let a = x ^ (ones &* UInt64(comma))
    let b = x ^ (ones &* UInt64(lf))
    let c = x ^ (ones &* UInt64(quote))
    return ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highBits
  }

  /// Scans the record starting at `start` (not a blank line) in `p[start..<end]`.
  @inline(__always)
  static func scan(
    _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, atEOF: Bool, into b: CSVFieldBounds
  ) -> Outcome {
    var i = start
    var field = 0
    var lines = 0
    while true {
      let fieldStart = i
      if i < end && p[i] == quote {
        i += 1
        let contentStart = i
        var flags: UInt8 = 0
        var high: UInt64 = 0
        var fieldLines = 0
        while true {
          var found = false
          while i + 8 <= end {
            let x = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            let q = x ^ (ones &* UInt64(quote))
            let quotes = (q &- ones) & ~q & highBits  // exact for the first quote
            let newlines = zeroBytes(x ^ (ones &* UInt64(lf)))
            if quotes != 0 {
              let before = (quotes & (0 &- quotes)) &- 1
              if newlines & before != 0 { fieldLines += (newlines & before).nonzeroBitCount }
              high |= x & before
              i += quotes.trailingZeroBitCount >> 3
              found = true
              break
            }
            if newlines != 0 { fieldLines += newlines.nonzeroBitCount }
            high |= x
            i += 8
          }
          if !found {
            while i < end {
              let c = p[i]
              if c == quote { break }
              if c == lf { fieldLines += 1 }
              high |= UInt64(c)
              i += 1
            }
          }
          if i == end {
            let at = FieldPosition(field: field, start: fieldStart, lines: lines)
            return atEOF ? .malformed(.neverClosed, at: at) : .incomplete(at: at)
          }
          if i + 1 < end && p[i + 1] == quote {
            flags |= CSVFieldBounds.escaped
            i += 2
            continue
          }
          if i + 1 == end && !atEOF {
            return .incomplete(at: FieldPosition(field: field, start: fieldStart, lines: lines))
          }
          break
        }
        if field < b.capacity {
          b.starts[field] = contentStart
          b.ends[field] = i
          b.flags[field] = flags | (high & highBits != 0 ? CSVFieldBounds.nonASCII : 0)
        }
        let at = FieldPosition(field: field, start: fieldStart, lines: lines)
        lines += fieldLines
        field += 1
        i += 1
        if i == end { return .record(end: i, lines: lines, fields: field) }
        let c = p[i]
        if c == comma {
          i += 1
          continue
        }
        if c == lf { return .record(end: i + 1, lines: lines + 1, fields: field) }
        if c == cr {
          if i + 1 < end {
            if p[i + 1] == lf { return .record(end: i + 2, lines: lines + 1, fields: field) }
          } else if atEOF {
            return .record(end: i + 1, lines: lines, fields: field)
          } else {
            return .incomplete(at: at)
          }
        }
        return .malformed(.textAfterQuote, at: at)
      } else {
        var high: UInt64 = 0
        var found = false
        // The byte that ends the field (an LF stands for the end of the input).
        var c = lf
        // Eight bytes at a time: fields are short, so this usually finds the end of a
        // field in one or two steps instead of one step per byte.
        while i + 8 <= end {
          let x = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
          let special = specialBytes(x)
          if special != 0 {
            high |= x & ((special & (0 &- special)) &- 1)
            let shift = special.trailingZeroBitCount & ~7
            i += shift >> 3
            c = UInt8(truncatingIfNeeded: x >> UInt64(shift))
            found = true
            break
          }
          high |= x
          i += 8
        }
        if !found {
          while i < end {
            c = p[i]
            if c == comma || c == lf || c == quote { break }
            high |= UInt64(c)
            i += 1
          }
          if i == end {
            guard atEOF else {
              return .incomplete(at: FieldPosition(field: field, start: fieldStart, lines: lines))
            }
            c = lf
          }
        }
        if c == quote {
          return .malformed(
            .quoteInUnquoted, at: FieldPosition(field: field, start: fieldStart, lines: lines))
        }
        var contentEnd = i
        if c == lf && contentEnd > fieldStart && p[contentEnd - 1] == cr { contentEnd -= 1 }
        if field < b.capacity {
          b.starts[field] = fieldStart
          b.ends[field] = contentEnd
          b.flags[field] = high & highBits != 0 ? CSVFieldBounds.nonASCII : 0
        }
        field += 1
        if c == comma {
          i += 1
          continue
        }
        if i == end { return .record(end: i, lines: lines, fields: field) }
        return .record(end: i + 1, lines: lines + 1, fields: field)
      }
    }
  }
}
