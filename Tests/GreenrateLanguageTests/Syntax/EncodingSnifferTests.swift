import Testing

@testable import GreenrateLanguage

@Suite struct EncodingSnifferTests {
  let rules = """
    ruleset "x" version "1"
    input id: text key
    factor f "F" {
      else => 1
    }

    """

  func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
    var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
    for unit in text.utf16 {
      let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
      out += bigEndian ? [hi, lo] : [lo, hi]
    }
    return out
  }

  /// A UTF-16 rule file is one error, not one per declaration or per byte.
  @Test func aUTF16RuleFileIsOneError() {
    for bigEndian in [false, true] {
      for bom in [false, true] {
        let (checked, diagnostics) = Frontend.check(
          source: utf16(rules, bigEndian: bigEndian, bom: bom))
        let endian = bigEndian ? "big-endian" : "little-endian"
        #expect(checked == nil)
        #expect(
          diagnostics.map(\.message) == ["the file is UTF-16 (\(endian)): save it as UTF-8"])
        #expect(diagnostics.first?.location == SourceLocation(line: 1, column: 1))
      }
    }
  }

  @Test func utf8TextIsNotUTF16() {
    #expect(EncodingSniffer.utf16Problem(Array(rules.utf8)) == nil)
    #expect(EncodingSniffer.utf16Problem(Array("中文规则 é".utf8)) == nil)
    #expect(EncodingSniffer.utf16Problem([0xEF, 0xBB, 0xBF] + Array(rules.utf8)) == nil)
    #expect(EncodingSniffer.utf16Problem([]) == nil)
    // A UTF-32 byte-order mark is not taken for UTF-16.
    #expect(EncodingSniffer.utf16Problem([0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0]) == nil)
  }
}
