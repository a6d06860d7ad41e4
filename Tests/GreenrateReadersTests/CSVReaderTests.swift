import Foundation
import GreenrateLanguage
import Testing

@testable import GreenrateReaders

/// Header matching, extras, chunking and formats of the CSV reader.
@Suite struct CSVReaderTests {
  typealias S = ReaderTestSupport

  @Test func formatsComeFromTheExtension() {
    #expect(InputFormat.from(path: "a/b.csv") == .csv)
    #expect(InputFormat.from(path: "B.CSV") == .csv)
    #expect(InputFormat.from(path: "x.jsonl") == .jsonl)
    #expect(InputFormat.from(path: "x.ndjson") == .jsonl)
    #expect(InputFormat.from(path: "x.json") == nil)
    #expect(InputFormat.from(path: "csv") == nil)
    #expect(InputFormat.from(path: "dir.csv/file") == nil)
  }

  @Test func headerNamesMatchExactly() throws {
    // " revenue" and "Revenue" are not "revenue": the required column is missing.
    for header in ["merchant_id, revenue,open,certs", "merchant_id,Revenue,open,certs"] {
      let path = try S.temporaryFile(header + "\nM1,1,true,\n", ext: "csv")
      let error = S.readerError { _ = try S.readAll(path) }
      #expect(error?.message == #"the header has no column "revenue", which the rules require"#)
    }
    let several = try S.temporaryFile("merchant_id,name\nM1,a\n", ext: "csv")
    #expect(
      S.readerError { _ = try S.readAll(several) }?.message
        == #"the header has no columns "revenue", "open", "certs", which the rules require"#)
  }

  @Test func absentOptionalColumnsReadAsMissing() throws {
    let path = try S.temporaryFile("open,revenue,certs,merchant_id\nno,1,,M1\n", ext: "csv")
    let out = try S.readAll(path)
    #expect(
      out.rows == [
        [S.text("M1"), .missing, .number(1), .missing, .bool(false), .missing, .set(.empty)]
      ])
  }

  @Test func anAbsentSetColumnIsRefusedLikeAnyNonOptionalInput() throws {
    // `set?` does not exist, so a set input is non-optional: its column is required.
    let path = try S.temporaryFile("open,revenue,merchant_id\nno,1,M1\n", ext: "csv")
    let error = S.readerError { _ = try S.readAll(path) }
    #expect(error?.message == #"the header has no column "certs", which the rules require"#)
  }

  @Test func quotedHeaderCellsAndRepeatedUndeclaredColumns() throws {
    let path = try S.temporaryFile(
      "\"merchant_id\",x,\"rev\"\"enue\",x,revenue,open,certs,x\nM1,a,b,c,5,0,,d\n", ext: "csv")
    let out = try S.readAll(path)
    #expect(out.rejects.isEmpty)
    #expect(out.rows.first?[2] == .number(5))
  }

  @Test func extrasCaptureRawCellsIncludingDeclaredColumns() throws {
    let path = try S.temporaryFile(
      "merchant_id,revenue,open,certs,expect_rating,expect_reasons\n"
        + "M1,12.50,yes,,green,\"low_energy;no_invoice\"\nM2,3,no,,,\n", ext: "csv")
    let out = try S.readAll(
      path, extras: ["expect_rating", "revenue", "merchant_id", "expect_reasons", "nowhere"])
    #expect(
      out.extras == [
        [.text("green"), .text("12.50"), .text("M1"), .text("low_energy;no_invoice"), .missing],
        [.missing, .text("3"), .text("M2"), .missing, .missing],
      ])
    #expect(out.rows[0][2] == .number(12.5))
  }

  @Test func rejectedRecordsLeaveNoExtrasBehind() throws {
    let path = try S.temporaryFile(
      "merchant_id,revenue,open,certs,expect_rating\nM1,x,yes,,a\nM2,1,no,,b\n", ext: "csv")
    let out = try S.readAll(path, extras: ["expect_rating"])
    #expect(out.keys == ["M2"])
    #expect(out.extras == [[.text("b")]])
    #expect(out.rejects.map(\.line) == [2])
  }

  @Test func chunksHoldAtMostMaxRecordsInOrder() throws {
    var text = "merchant_id,revenue,open,certs\n"
    for k in 0..<1000 { text += k % 7 == 3 ? "M\(k),bad,1,\n" : "M\(k),\(k),1,\n" }
    let path = try S.temporaryFile(text, ext: "csv")
    let reader = try RecordReader(path: path, format: nil, layout: S.layout)
    #expect(reader.fileSize == Int64(text.utf8.count))
    let out = try S.drain(reader, maxRecords: 64)
    #expect(out.chunks.count == 16)
    #expect(out.rows.count + out.rejects.count == 1000)
    #expect(out.lines == out.lines.sorted())
    #expect(out.rows.allSatisfy { if case .number = $0[2] { return true } else { return false } })
    #expect(out.rejects.allSatisfy { $0.message == #"field "revenue": "bad" is not a number"# })
  }

  @Test func anyFormatCanBeForcedWhateverTheExtension() throws {
    let path = try S.temporaryFile(#"{"merchant_id":"M1","revenue":1,"open":true}"#, ext: "csv")
    let out = try S.readAll(path, format: .jsonl)
    #expect(out.keys == ["M1"])
  }
}
