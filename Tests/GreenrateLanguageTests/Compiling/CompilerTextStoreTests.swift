import Testing

@testable import GreenrateLanguage

/// Text lets and outputs computed straight into their registers (`Compiler.textStore`,
/// `ShortText.store`), against the value-level functions.
@Suite struct CompilerTextStoreTests {
  /// Inline ASCII, inline non-ASCII, out of line, empty and missing texts.
  static let samples: [String?] = [
    "C1713", "h6210", "", nil, "exactly15bytes!", "sixteen bytes ok",
    "a text much longer than fifteen bytes", "café", "绿色金融", "Inner Mongolia", "x",
  ]
  static let positions: [(Double, Double)] = [
    (0, 1), (0, 3), (0, 5), (1, 2), (-1, 3), (2, 100), (20, 1), (0, 0), (1.9, 2.9),
    (-0.9, 1.5), (3, -1), (0, 1e300), (14, 5), (15, 1), (16, 2), (-1e300, 1e300),
  ]

  /// Keys for `substr(...) in [...]`: inline and not, ASCII and not, and "".
  static let keys = ["C", "C17", "H62", "", "EXA", "exa", "caf", "café", "绿色", "sixteen bytes ok"]

  static func number(_ x: Double) -> CheckedExpr {
    x < 0 ? E.negate(E.number(-x)) : E.number(x)
  }

  static func expected(_ text: Text?) -> Value { text.map(Value.text) ?? .missing }

  /// One evaluator scores every sample twice, in two orders, so each register is
  /// overwritten from and to every form of text.
  @Test func storesMatchTheFunctions() throws {
    var b = RuleSetBuilder()
    let t = b.input("t", ValueType.text.optional)
    let u = b.letValue("u", E.call(.upper, [t], ValueType.text.optional))
    b.factor("f", [(nil, 0, nil)])
    b.output("upper", u)
    b.output("lower", E.call(.lower, [u], ValueType.text.optional))
    for (start, length) in Self.positions {
      b.output(
        "input",
        E.call(.substr, [t, Self.number(start), Self.number(length)], ValueType.text.optional))
      b.output(
        "let",
        E.call(.substr, [u, Self.number(start), Self.number(length)], ValueType.text.optional))
      for x in [t, u] {
        let part = E.call(
          .substr, [x, Self.number(start), Self.number(length)], ValueType.text.optional)
        b.output("in", E.inSet(part, E.list(Self.keys)))
      }
    }
    let scorer = Scorer(b)
    for sample in Self.samples + Self.samples.reversed() {
      let values: [String: Value] = sample.map { ["t": .text(Text($0))] } ?? [:]
      let result = try #require(try? scorer.score(values).get())
      let text = sample.map { Text($0) }
      let upper = text.map { TextFunctions.upper($0) }
      var want = [Self.expected(upper), Self.expected(upper.map { TextFunctions.lower($0) })]
      for (start, length) in Self.positions {
        want.append(Self.expected(text.map { TextFunctions.substr($0, start, length) }))
        want.append(Self.expected(upper.map { TextFunctions.substr($0, start, length) }))
        for x in [text, upper] {
          let part = x.map { TextFunctions.substr($0, start, length) }
          want.append(.bool(part.map { Self.keys.map(Text.init).contains($0) } ?? false))
        }
      }
      #expect(result.outputs.map(\.value) == want, "\(sample ?? "missing")")
    }
  }

  @Test func substrWordsMatchTheFunction() throws {
    for sample in Self.samples.compactMap({ $0 }) {
      guard let short = Text(sample).shortASCII else { continue }
      for (start, length) in Self.positions {
        let (first, end) = ShortText.substrBounds(start: start, length: length)
        #expect(
          Text(short.substr(first: first, end: end))
            == TextFunctions.substr(Text(sample), start, length),
          "substr(\(sample.debugDescription), \(start), \(length))")
      }
    }
  }

  @Test func storeReplacesMissingShortAndLongTexts() throws {
    let register = UnsafeMutablePointer<Text?>.allocate(capacity: 1)
    defer { register.deinitialize(count: 1).deallocate() }
    let abc = try #require(Text("abc").shortASCII)
    register.initialize(to: nil)
    ShortText.store(abc, into: register)
    #expect(register.pointee == Text("abc"))
    register.pointee = Text("café")
    ShortText.store(.empty, into: register)
    #expect(register.pointee == Text(""))
    register.pointee = Text(String(repeating: "long ", count: 8))
    ShortText.store(abc, into: register)
    #expect(register.pointee == Text("abc"))
  }
}
