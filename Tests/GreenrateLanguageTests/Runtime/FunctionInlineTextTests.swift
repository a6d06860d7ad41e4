import Testing

@testable import GreenrateLanguage

/// The word-level fast paths of `substr`, `upper` and `lower` against the definitions.
@Suite struct FunctionInlineTextTests {
  static let samples = [
    "", "a", "C1713", "H6210", "exactly15bytes!", "sixteen bytes ok", "Inner Mongolia",
    "café", "绿色金融", "a👍🏽b", "AbC-xyz_[@]`{~", "0123456789abcde",
  ]

  /// substr by its definition, on an array of scalars.
  func reference(_ s: String, _ start: Double, _ length: Double) -> String {
    let scalars = Array(s.unicodeScalars)
    let from = Int(start.rounded(.towardZero))
    let to = from + Int(length.rounded(.towardZero))
    let lo = max(from, 0)
    let hi = min(to, scalars.count)
    guard lo < hi else { return "" }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[lo..<hi])
    return String(out)
  }

  @Test func shortFormHoldsUpTo15BytesAndRoundTrips() {
    for sample in Self.samples {
      let text = Text(sample)
      #expect(text.string == sample)
      #expect(text.utf8Count == sample.utf8.count)
      #expect((TextMatcher.inline(text) != nil) == (sample.utf8.count <= 15), "\(sample)")
      #expect(
        (text.shortASCII != nil)
          == (sample.utf8.count <= 15 && sample.utf8.allSatisfy { $0 < 0x80 }))
      let fromBytes = Array(sample.utf8).withUnsafeBufferPointer { Text(validUTF8: $0) }
      #expect(fromBytes == text)
      #expect(fromBytes.hashValue == text.hashValue)
    }
    #expect(Text("") == Text.empty)
  }

  @Test(arguments: samples)
  func substrMatchesDefinition(_ s: String) {
    for start in stride(from: -3.0, through: 18, by: 1) {
      for length in stride(from: -2.0, through: 19, by: 1) {
        let expected = reference(s, start, length)
        for inline in [false, true] {
          let got = TextFunctions.substr(Text(s), start, length, inline: inline)
          #expect(
            got == Text(expected),
            "substr(\(s.debugDescription), \(start), \(length)) inline \(inline)")
          #expect(got.string.utf8.count == expected.utf8.count)
        }
      }
    }
  }

  @Test func sliceResultsBehaveAsOrdinaryStrings() {
    let t = TextFunctions.substr(Text("exactly15bytes!"), 9, 5, inline: true)
    #expect(t.string == "bytes")
    #expect(t.string + "!" == "bytes!")
    #expect(t.string.hasPrefix("by"))
    #expect(Set([t, Text("bytes")]).count == 1)
    #expect(TextMatcher(["bytes"].map { Text($0) }).contains(t))
  }

  @Test func caseMappingMatchesDefinitionOnEveryASCIICharacter() {
    var all = ""
    for b in UInt8(0x20)...UInt8(0x7E) { all.unicodeScalars.append(Unicode.Scalar(b)) }
    // Every printable ASCII character, in chunks of up to 15 so each is inline.
    var chunks: [String] = []
    var rest = Substring(all)
    while !rest.isEmpty {
      chunks.append(String(rest.prefix(15)))
      rest = rest.dropFirst(15)
    }
    for chunk in chunks + Self.samples {
      let upper = chunk.unicodeScalars.map { $0.properties.uppercaseMapping }.joined()
      let lower = chunk.unicodeScalars.map { $0.properties.lowercaseMapping }.joined()
      for inline in [false, true] {
        #expect(TextFunctions.upper(Text(chunk), inline: inline) == Text(upper), "\(chunk)")
        #expect(TextFunctions.lower(Text(chunk), inline: inline) == Text(lower), "\(chunk)")
      }
    }
  }

  @Test func registerReadsMatchValueFunctions() {
    let register = UnsafeMutablePointer<Text?>.allocate(capacity: 1)
    defer { register.deinitialize(count: 1).deallocate() }
    register.initialize(to: nil)
    #expect(TextFunctions.substr(at: register, 0, 3, inline: true) == nil)
    #expect(TextFunctions.mapCase(at: register, upper: true, inline: true) == nil)
    #expect(TextMatcher(["a"].map { Text($0) }).index(at: register) == -1)
    for sample in Self.samples {
      register.pointee = Text(sample)
      for (start, length) in [(0.0, 1.0), (0, 3), (1, 2), (-1, 3), (2, 100), (20, 1), (0, 0)] {
        let expected = Text(reference(sample, start, length))
        for inline in [false, true] {
          #expect(TextFunctions.substr(at: register, start, length, inline: inline) == expected)
        }
      }
      for upper in [false, true] {
        let expected = upper ? TextFunctions.upper(Text(sample)) : TextFunctions.lower(Text(sample))
        #expect(TextFunctions.mapCase(at: register, upper: upper, inline: true) == expected)
      }
      let matcher = TextMatcher(Self.samples.map { Text($0) })
      #expect(matcher.index(at: register) == Self.samples.firstIndex(of: sample))
    }
  }
}
