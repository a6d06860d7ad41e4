import Foundation
import GreenrateLanguage
import Testing

@testable import GreenrateReaders

/// Malformed and edge-case CSV files, each with the exact records and rejects expected.
@Suite struct CSVNastyFilesTests {
  typealias S = ReaderTestSupport

  @Test func nastyFileGivesExactRecordsAndRejects() throws {
    let out = try S.readAll(S.fixture("nasty.csv"))
    #expect(out.keys == ["M01", "M02", "M03", "M18", "M20", "M21"])
    #expect(out.lines == [2, 3, 4, 21, 23, 24])
    let expected: [Reject] = [
      Reject(line: 7, merchantID: "M04", message: #"field "revenue": "1,000" is not a number"#),
      Reject(line: 8, merchantID: "M05", message: #"field "revenue": "NaN" is not a number"#),
      Reject(line: 9, merchantID: "M06", message: #"field "revenue": " 12" is not a number"#),
      Reject(
        line: 10, merchantID: "M07",
        message: #"field "since": "2023-02-30" is not a date (a real day as YYYY-MM-DD)"#),
      Reject(
        line: 11, merchantID: "M08",
        message: #"field "open": "maybe" is not a bool (true, false, yes, no, 1 or 0)"#),
      Reject(line: 12, merchantID: "M09", message: #"field "revenue" is missing"#),
      Reject(line: 13, merchantID: nil, message: #"field "merchant_id" is empty"#),
      Reject(line: 14, merchantID: "M11", message: "the record has 5 fields, the header has 7"),
      Reject(line: 15, merchantID: "M12", message: "the record has 8 fields, the header has 7"),
      Reject(
        line: 16, merchantID: "M13",
        message: #"field "name": text after the closing quote (a quote inside must be doubled)"#),
      Reject(
        line: 17, merchantID: "M14",
        message: #"field "name": a quote inside a field that is not quoted"#),
      Reject(
        line: 18, merchantID: "M15", message: #"field "revenue": "1e999" is not a finite number"#),
      Reject(line: 19, merchantID: "M16", message: #"field "name": invalid UTF-8"#),
      Reject(line: 20, merchantID: "M17", message: #"field "revenue": "Infinity" is not a number"#),
      Reject(
        line: 22, merchantID: "M19",
        message: #"field "name": the quote opened on line 22 is never closed"#),
    ]
    #expect(out.rejects == expected)
  }

  @Test func nastyFileDecodesTheGoodRecordsExactly() throws {
    let out = try S.readAll(S.fixture("nasty.csv"))
    try #require(out.rows.count == 6)
    #expect(
      out.rows[0] == [
        S.text("M01"), S.text("Plain"), .number(100), .number(0.5), .bool(true),
        S.date("2020-01-31"), S.set("ISO14001", "CEL"),
      ])
    #expect(
      out.rows[1] == [
        S.text("M02"), S.text("Quoted, with comma"), .number(1e6), .missing, .bool(false), .missing,
        .set(.empty),
      ])
    #expect(
      out.rows[2] == [
        S.text("M03"), S.text("Multi\nline \"name\""), .number(-3.5), .number(0.5), .bool(true),
        S.date("2024-02-29"), S.set("CEL", "ISO14001"),
      ])
    #expect(out.rows[3][2] == .number(7))
    #expect(out.rows[3][4] == .bool(false))
    #expect(
      out.rows[5] == [
        S.text("M21"), S.text("No newline at the end"), .number(3), .missing, .bool(true), .missing,
        .set(.empty),
      ])
  }

  @Test func chunksReportWhereTheyEnd() throws {
    let path = S.fixture("nasty.csv")
    let out = try S.readAll(path, maxRecords: 4)
    let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    let last = try #require(out.chunks.last)
    #expect(last.endOffset == Int64(size))
    #expect(last.endLine == 24)
    // Every chunk but the last is full, and chunks end on record boundaries: resuming
    // at any chunk's end yields exactly what followed it.
    for (index, chunk) in out.chunks.enumerated().dropLast() {
      #expect(chunk.records.count + chunk.rejects.count == 4)
      let rest = try S.readAll(path, maxRecords: 4, resumeAt: (chunk.endOffset, chunk.endLine))
      let later = out.chunks[(index + 1)...]
      #expect(rest.rejects == later.flatMap(\.rejects))
      #expect(rest.lines == later.flatMap(\.records.lines))
    }
  }

  @Test func emptyFileIsRefusedNamingTheKeyColumn() {
    let error = S.readerError { _ = try S.readAll(S.fixture("empty.csv")) }
    #expect(error?.message.contains("\"merchant_id\"") == true)
    #expect(error?.message.contains("empty") == true)
  }

  @Test func headerOnlyFilesHaveNoRecords() throws {
    for name in ["header-only.csv", "header-only-no-newline.csv"] {
      let reader = try RecordReader(path: S.fixture(name), format: nil, layout: S.layout)
      #expect(try reader.nextChunk(maxRecords: 10) == nil)
      #expect(try reader.nextChunk(maxRecords: 10) == nil)
    }
  }

  @Test func headerLackingARequiredColumnIsRefusedNamingIt() {
    let error = S.readerError { _ = try S.readAll(S.fixture("missing-column.csv")) }
    #expect(error?.message == #"the header has no column "revenue", which the rules require"#)
  }

  @Test func headerNamingAnInputTwiceIsRefusedNamingIt() {
    let error = S.readerError { _ = try S.readAll(S.fixture("duplicate-column.csv")) }
    #expect(error?.message == #"the header names the input "revenue" twice (columns 2 and 5)"#)
  }

  @Test func bomAndCRLFAndColumnOrderAndBlankLines() throws {
    let out = try S.readAll(S.fixture("bom-crlf.csv"), extras: ["extra", "absent"])
    #expect(out.rejects.isEmpty)
    #expect(out.lines == [2, 4])
    #expect(
      out.rows[0] == [
        S.text("M1"), .missing, .number(1.5), .missing, .bool(false), .missing, S.set("CEL"),
      ])
    #expect(out.rows[1][2] == .number(2))
    #expect(out.rows[1][4] == .bool(true))
    #expect(out.extras == [[.text("x"), .missing], [.text("y"), .missing]])
  }

  @Test func tenMegabyteFieldsWork() throws {
    var big = [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)
    for k in stride(from: 1000, to: big.count, by: 4099) { big[k] = UInt8(ascii: ",") }
    for k in stride(from: 3000, to: big.count, by: 65_537) { big[k] = UInt8(ascii: "\n") }
    big[5] = UInt8(ascii: "\"")
    var file = Array("merchant_id,name,revenue,open,certs\n".utf8)
    file += Array("M1,\"".utf8)
    for b in big {
      file.append(b)
      if b == UInt8(ascii: "\"") { file.append(b) }
    }
    file += Array("\",1,true,\nM2,".utf8)
    let plain = [UInt8](repeating: UInt8(ascii: "z"), count: 10 << 20)
    file += plain + Array(",2,false,\nM3,x,3,1,\n".utf8)
    let path = try S.temporaryFile(file, ext: "csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let out = try S.readAll(path)
    #expect(out.rejects.isEmpty)
    #expect(out.keys == ["M1", "M2", "M3"])
    #expect(out.rows[0][1] == .text(Text(String(decoding: big, as: UTF8.self))))
    #expect(out.rows[1][1] == .text(Text(String(decoding: plain, as: UTF8.self))))
    let newlines = big.filter { $0 == UInt8(ascii: "\n") }.count
    #expect(out.lines == [2, 3 + newlines, 4 + newlines])
  }

  @Test func recordsBeyondTheSizeLimitAreRejectedAndReadingGoesOn() throws {
    var file = "merchant_id,name,revenue,open,certs\n"
    file += "M1,\"opened but never closed,1,true,\n"
    // Beyond the first 1 MiB block, so that the limit (at least one block) is hit.
    for k in 2...30_000 { file += "M\(k),filler text to go beyond the limit,\(k),true,\n" }
    let path = try S.temporaryFile(file, ext: "csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try RecordReader(path: path, format: nil, layout: S.layout)
    reader.maxRecordBytes = 4096
    let out = try S.drain(reader, maxRecords: 1000)
    #expect(
      out.rejects == [
        Reject(
          line: 2, merchantID: "M1",
          message: #"field "name": the quote opened on line 2 is not closed within 1 MiB"#)
      ])
    #expect(out.keys.count == 29_999)
    #expect(out.lines.first == 3)

    let long =
      "merchant_id,name,revenue,open,certs\nM1," + String(repeating: "x", count: 1_500_000)
      + ",1,true,\nM2,ok,2,true,\n"
    let longReader = try RecordReader(
      path: try S.temporaryFile(long, ext: "csv"), format: nil, layout: S.layout)
    longReader.maxRecordBytes = 4096
    let longOut = try S.drain(longReader)
    #expect(
      longOut.rejects == [
        Reject(line: 2, merchantID: "M1", message: "the record is longer than 1 MiB")
      ])
    #expect(longOut.keys == ["M2"])
    #expect(longOut.lines == [3])
  }

  @Test func unknownFormatsAndUnreadableFilesAreReaderErrors() throws {
    let txt = try S.temporaryFile("merchant_id,revenue,open,certs\n", ext: "txt")
    #expect(S.readerError { _ = try S.readAll(txt) }?.message.contains("--format") == true)
    #expect(try S.readAll(txt, format: .csv).rows.isEmpty)
    let missing = "/nonexistent/greenrate/none.csv"
    #expect(S.readerError { _ = try S.readAll(missing) }?.message.contains(missing) == true)
    #expect(
      S.readerError { _ = try S.readAll(FileManager.default.temporaryDirectory.path, format: .csv) }
        != nil)
    #expect(S.readerError { _ = try S.readAll("-") }?.message.contains("format") == true)
    #expect(
      S.readerError { _ = try S.readAll("-", format: .csv, resumeAt: (100, 5)) } != nil)
  }
}
