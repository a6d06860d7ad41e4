import GreenrateLanguage
import Testing

@testable import GreenrateReaders

/// Cell decoding against the engine contract's grammar, accepted and refused.
@Suite struct CellDecoderTests {
  func decode(_ cell: String, _ type: ValueType) -> Result<Value, CellError> {
    CellDecoder.decode(cell, as: type)
  }

  @Test(arguments: [
    ("12", 12.0), ("-3.5", -3.5), (".5", 0.5), ("+7.", 7.0), ("1e6", 1e6), ("2.5E-3", 2.5e-3),
    ("0", 0.0), ("007", 7.0), ("1E+2", 100.0), ("-0.0", -0.0),
    ("123456789012345678901234567890", 1.2345678901234568e29),
    ("0.1", 0.1), ("1e-400", 0.0), ("1.7976931348623157e308", 1.7976931348623157e308),
    ("4.9e-324", 4.9e-324), ("9007199254740993", 9_007_199_254_740_992.0),
  ])
  func numbersAccepted(text: String, value: Double) {
    guard case .success(.number(let x)) = decode(text, .number) else {
      Issue.record("\(text) was refused")
      return
    }
    #expect(x == value && x.sign == value.sign)
  }

  @Test(arguments: [
    "NaN", "nan", "Infinity", "-inf", "1,000", " 12", "12 ", "1e", "1e+", ".", "+", "-", "e5",
    "1.2.3",
    "0x10", "1_000", "١٢", "12abc", "--1", "+-1", "1e5.5",
  ])
  func numbersRefused(text: String) {
    #expect(decode(text, .number) == .failure(CellError("\"\(text)\" is not a number")))
  }

  @Test func nonFiniteNumbersAreRefused() {
    #expect(decode("1e999", .number) == .failure(CellError("\"1e999\" is not a finite number")))
    #expect(decode("-1e309", .number) == .failure(CellError("\"-1e309\" is not a finite number")))
  }

  /// The fast path must agree with the standard library's correctly rounded parser.
  @Test func numbersAreCorrectlyRounded() {
    var state: UInt64 = 42
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    for _ in 0..<20_000 {
      let digits = String(next() % 10_000_000_000_000_000)
      let point = Int(next() % UInt64(digits.count + 1))
      var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
      if next() % 3 == 0 { text += "e\(Int(next() % 60) - 30)" }
      guard case .success(.number(let x)) = decode(text, .number) else {
        Issue.record("\(text) was refused")
        continue
      }
      #expect(x == Double(text), "\(text)")
    }
  }

  @Test func bools() {
    for t in ["true", "TRUE", "True", "1", "yes", "YES", "yEs"] {
      #expect(decode(t, .bool) == .success(.bool(true)), "\(t)")
    }
    for f in ["false", "FALSE", "0", "no", "No"] {
      #expect(decode(f, .bool) == .success(.bool(false)), "\(f)")
    }
    for bad in ["t", "y", "2", "on", "off", " true", "true ", "yess", "nope", "00"] {
      #expect(
        decode(bad, .bool)
          == .failure(CellError("\"\(bad)\" is not a bool (true, false, yes, no, 1 or 0)")),
        "\(bad)")
    }
  }

  @Test func dates() {
    #expect(decode("1970-01-01", .date) == .success(.date(0)))
    #expect(
      decode("2024-02-29", .date) == .success(.date(Day.number(year: 2024, month: 2, day: 29))))
    #expect(decode("0001-01-01", .date) == .success(.date(Day.number(year: 1, month: 1, day: 1))))
    #expect(
      decode("9999-12-31", .date) == .success(.date(Day.number(year: 9999, month: 12, day: 31))))
    for bad in [
      "2023-02-30", "2023-02-29", "1900-02-29", "0000-01-01", "2023-13-01", "2023-00-10",
      "2023-1-01", "2023/01/01", "20230101", " 2023-01-01", "2023-01-01T00:00", "2023-04-31",
    ] {
      #expect(
        decode(bad, .date)
          == .failure(CellError("\"\(bad)\" is not a date (a real day as YYYY-MM-DD)")), "\(bad)")
    }
  }

  @Test func textsAreTakenAsTheyAre() {
    #expect(decode("  a, b  ", .text) == .success(.text(Text("  a, b  "))))
    #expect(decode("caf\u{E9}", .text) != decode("cafe\u{301}", .text))
  }

  @Test func sets() {
    #expect(
      decode(" ISO14001 ;\tCEL;;  ; CEL", .set)
        == .success(.set(TextSet([Text("CEL"), Text("ISO14001")]))))
    #expect(decode(";", .set) == .success(.set(.empty)))
    #expect(decode("a b", .set) == .success(.set(TextSet([Text("a b")]))))
  }

  @Test func emptyCellsAreMissing() {
    for type in [ValueType.number, .bool, .date, .text, .number.optional, .text.optional] {
      #expect(decode("", type) == .success(.missing))
    }
    #expect(decode("", .set) == .success(.set(.empty)))
  }

  @Test func messagesStayOnOneLine() {
    guard
      case .failure(let error) = decode("a\n\"b\"" + String(repeating: "x", count: 100), .number)
    else {
      Issue.record("accepted")
      return
    }
    #expect(error.message.hasPrefix(#""a\n\"b\"xxx"#))
    #expect(error.message.hasSuffix("\u{2026}\" is not a number"))
    #expect(!error.message.contains("\n"))
  }
}
