import Foundation
import GreenrateGenerator
import GreenrateLanguage
import Testing

@testable import GreenrateReaders

/// Generated records written with random quoting, line ends, BOM and blank lines must
/// read back exactly, from CSV and from JSON Lines.
@Suite struct ReaderRoundTripTests {
  typealias S = ReaderTestSupport

  /// The engine's SplitMix64 stream, reduced by modulo as these tests always have been.
  struct Random {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
  }

  static let pieces = [
    "a", "Z", " ", ",", "\"", "\n", "\r\n", ";", "\t", "\u{E9}", "\u{7EFF}", "\u{1F600}",
    "e\u{301}",
    "x", "1", "\\", "{", "}",
  ]

  func randomText(_ r: inout Random, allowSemicolon: Bool = true) -> String {
    var s = ""
    for _ in 0..<r.below(12) {
      let piece = Self.pieces[r.below(Self.pieces.count)]
      if !allowSemicolon && piece == ";" { continue }
      s += piece
    }
    return s
  }

  func randomNumber(_ r: inout Random) -> Double {
    switch r.below(4) {
    case 0: return Double(r.below(1_000_000))
    case 1: return Double(Int64(bitPattern: r.next()) % 10_000_000) / 100
    case 2: return Double(bitPattern: r.next() & 0x7FEF_FFFF_FFFF_FFFF) * (r.chance(50) ? 1 : -1)
    default: return Double(r.next() % 1000) * 1e-7
    }
  }

  /// A record as values in the test layout's field order.
  func randomRecord(_ r: inout Random, index: Int) -> [Value] {
    let key = "K\(index)" + (r.chance(30) ? randomText(&r) : "")
    let name: Value = r.chance(20) ? .missing : .text(Text(randomText(&r)))
    let share: Value = r.chance(30) ? .missing : .number(randomNumber(&r))
    let since: Value = r.chance(30) ? .missing : .date(r.below(3_000_000) - 719_162)
    var items: [Text] = []
    for _ in 0..<r.below(4) {
      let item = randomText(&r, allowSemicolon: false).trimmingCharacters(
        in: .init(charactersIn: " \t"))
      if !item.isEmpty { items.append(Text(item)) }
    }
    return [
      .text(Text(key)), name, .number(randomNumber(&r)), share, .bool(r.chance(50)), since,
      .set(TextSet(items)),
    ]
  }

  func csvCell(_ value: Value, _ r: inout Random) -> String {
    let raw: String
    switch value {
    case .missing: raw = ""
    case .text(let t): raw = t.string
    case .number(let x): raw = "\(x)"
    case .bool(let b): raw = [b ? "true" : "false", b ? "YES" : "no", b ? "1" : "0"][r.below(3)]
    case .date(let d): raw = Day.format(d)
    case .set(let s):
      raw = s.items.map { r.chance(50) ? " \($0.string)\t" : $0.string }.joined(separator: ";")
    }
    let mustQuote = raw.contains(where: {
      $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n"
    })
    if mustQuote || r.chance(25) {
      return "\"" + raw.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return raw
  }

  func jsonString(_ s: String, _ r: inout Random) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += r.chance(50) ? "\\n" : "\\u000a"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value >= 0x80 && r.chance(50) {
          for unit in String(scalar).utf16 {
            let hex = String(unit, radix: 16, uppercase: r.chance(50))
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  func jsonValue(_ value: Value, _ r: inout Random) -> String {
    switch value {
    case .missing: return "null"
    case .text(let t): return jsonString(t.string, &r)
    case .number(let x): return "\(x)".replacingOccurrences(of: "+", with: "")
    case .bool(let b): return b ? "true" : "false"
    case .date(let d): return "\"\(Day.format(d))\""
    case .set(let s):
      return "[" + s.items.map { jsonString($0.string, &r) }.joined(separator: ", ") + "]"
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6])
  func csvRoundTrip(seed: UInt64) throws {
    var r = Random(state: seed)
    let records = (0..<300).map { randomRecord(&r, index: $0) }
    let names = ReaderTestSupport.layout.fields.map(\.name)
    var order = Array(names.indices)
    for i in order.indices.reversed() { order.swapAt(i, r.below(i + 1)) }
    var text = r.chance(50) ? "\u{FEFF}" : ""
    text += (order.map { names[$0] } + ["ignored"]).joined(separator: ",")
    var lines = [Int]()
    var line = 1
    for record in records {
      let end = r.chance(50) ? "\r\n" : "\n"
      text += end
      line += 1
      while r.chance(10) {
        text += r.chance(50) ? "\n" : "\r\n"
        line += 1
      }
      lines.append(line)
      var cells = order.map { csvCell(record[$0], &r) }
      cells.append(r.chance(50) ? "" : "\"x,\ny\"")
      let row = cells.joined(separator: ",")
      text += row
      line += row.utf8.filter { $0 == 0x0A }.count
    }
    if r.chance(50) { text += "\n" }
    let out = try S.readAll(try S.temporaryFile(text, ext: "csv"), maxRecords: 1 + r.below(50))
    #expect(out.rejects == [])
    #expect(out.lines == lines)
    try #require(out.rows.count == records.count)
    for (got, want) in zip(out.rows, records) {
      #expect(got == csvNormalized(want), "\(want)")
    }
  }

  @Test(arguments: [7, 8, 9, 10])
  func jsonlRoundTrip(seed: UInt64) throws {
    var r = Random(state: seed)
    let records = (0..<300).map { randomRecord(&r, index: $0) }
    let names = ReaderTestSupport.layout.fields.map(\.name)
    var text = r.chance(50) ? "\u{FEFF}" : ""
    var lines = [Int]()
    var line = 1
    for record in records {
      while r.chance(10) {
        text += r.chance(50) ? " \t\n" : "\r\n"
        line += 1
      }
      var members: [String] = []
      for (i, value) in record.enumerated() {
        if value == .missing && r.chance(50) { continue }  // absent = missing
        if case .set(let s) = value, s.count == 0, r.chance(50) {
          members.append(jsonString(names[i], &r) + ":null")
          continue
        }
        members.append(
          jsonString(names[i], &r) + (r.chance(50) ? ": " : ":") + jsonValue(value, &r))
      }
      if r.chance(30) { members.append(#""ignored": {"a": [1, 2.5e3, null, "\u00e9"], "b": {}}"#) }
      for i in members.indices.reversed() { members.swapAt(i, r.below(i + 1)) }
      lines.append(line)
      text += (r.chance(50) ? " {" : "{") + members.joined(separator: ",") + "} "
      text += r.chance(50) ? "\r\n" : "\n"
      line += 1
    }
    let out = try S.readAll(try S.temporaryFile(text, ext: "jsonl"), maxRecords: 1 + r.below(50))
    #expect(out.rejects == [])
    #expect(out.lines == lines)
    try #require(out.rows.count == records.count)
    for (got, want) in zip(out.rows, records) {
      #expect(got == want, "\(want)")
    }
  }

  /// In CSV an empty cell is missing, so an empty text reads back as missing.
  func csvNormalized(_ record: [Value]) -> [Value] {
    record.map { $0 == .text(Text("")) ? .missing : $0 }
  }
}
