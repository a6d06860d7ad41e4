import Foundation
import GreenrateLanguage
import Testing

@testable import GreenrateReaders

private typealias S = ReaderTestSupport

/// Files in a dialect or encoding greenrate does not read are refused with one line that
/// says what they look like, not with a quote error or a list of missing columns.
@Suite struct ForeignDialectTests {
  let header = "merchant_id,name,revenue,share,open,since,certs"
  let row = "M1,Shop,100,0.5,true,2020-01-01,ISO14001"

  func message(_ bytes: [UInt8], ext: String = "csv", format: InputFormat? = nil) throws -> String?
  {
    let path = try S.temporaryFile(bytes, ext: ext)
    return S.readerError { _ = try S.readAll(path, format: format) }?.message
  }

  func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
    var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
    for unit in text.utf16 {
      let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
      out += bigEndian ? [hi, lo] : [lo, hi]
    }
    return out
  }

  @Test func excelSemicolonCSVWithEveryCellQuoted() throws {
    let quoted = { (line: String) in
      line.split(separator: ",").map { "\"\($0)\"" }.joined(separator: ";")
    }
    let text = quoted(header) + "\r\n" + quoted(row) + "\r\n"
    #expect(
      try message(Array(text.utf8))
        == "line 1: the header looks `;`-separated: greenrate reads comma-separated CSV; "
        + "save the file as CSV with commas (in Excel: \"CSV UTF-8 (comma delimited)\")")
  }

  @Test func semicolonCSVWithoutQuotes() throws {
    let text = header.replacingOccurrences(of: ",", with: ";") + "\n"
    #expect(try message(Array(text.utf8))?.contains("looks `;`-separated") == true)
  }

  @Test func tabSeparatedValues() throws {
    let text =
      header.replacingOccurrences(of: ",", with: "\t") + "\n"
      + row.replacingOccurrences(of: ",", with: "\t") + "\n"
    #expect(
      try message(Array(text.utf8), ext: "tsv", format: .csv)
        == "line 1: the header looks tab-separated (TSV): greenrate reads comma-separated CSV; "
        + "save the file as CSV with commas")
  }

  @Test func utf16WithAndWithoutAByteOrderMark() throws {
    let text = header + "\r\n" + row + "\r\n"
    for bigEndian in [false, true] {
      for bom in [false, true] {
        let endian = bigEndian ? "big-endian" : "little-endian"
        let bytes = utf16(text, bigEndian: bigEndian, bom: bom)
        #expect(try message(bytes) == "the file is UTF-16 (\(endian)): save it as UTF-8")
        #expect(
          try message(bytes, ext: "jsonl")
            == "the file is UTF-16 (\(endian)): save it as UTF-8")
      }
    }
  }

  /// An ordinary file whose header misses columns keeps its ordinary message.
  @Test func aCommaHeaderMissingColumnsIsNotSniffed() throws {
    let text = "merchant_id,name;x\nM1,a\n"
    let refused = try message(Array(text.utf8))
    #expect(refused != nil)
    #expect(refused?.contains("separated") == false)
  }

  /// A comma CSV whose cells contain `;` and tabs reads as before.
  @Test func semicolonsInsideACommaCSVAreFine() throws {
    let text = header + "\n" + "M1,\"a;b\tc\",100,,true,,ISO14001;CEL\n"
    let path = try S.temporaryFile(text, ext: "csv")
    #expect(try S.readAll(path).keys == ["M1"])
  }
}
