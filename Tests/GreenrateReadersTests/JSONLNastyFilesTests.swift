import Foundation
import GreenrateLanguage
import Testing

@testable import GreenrateReaders

/// Malformed and edge-case JSON Lines, each with the exact records and rejects expected.
@Suite struct JSONLNastyFilesTests {
  typealias S = ReaderTestSupport

  @Test func nastyFileGivesExactRecordsAndRejects() throws {
    let out = try S.readAll(S.fixture("nasty.jsonl"), extras: ["extra"])
    #expect(out.keys == ["M01", "M02", "M03", "M23"])
    #expect(out.lines == [1, 2, 5, 25])
    let expected: [Reject] = [
      Reject(line: 6, merchantID: "M04", message: #"field "revenue": "1,000" is not a number"#),
      Reject(
        line: 7, merchantID: "M05", message: #"field "open": "true" is not a bool (true or false)"#),
      Reject(
        line: 8, merchantID: "M06",
        message: #"field "since": "2023-02-30" is not a date (a real day as YYYY-MM-DD)"#),
      Reject(line: 9, merchantID: "M07", message: #"field "open" appears twice"#),
      Reject(line: 10, merchantID: "M08", message: #"the key "x" appears twice"#),
      Reject(
        line: 11, merchantID: "M09",
        message:
          #"field "name": a string holds a lone surrogate \uDC00 (column 54), which is not valid Unicode"#
      ),
      Reject(
        line: 12, merchantID: "M10",
        message: "invalid JSON at column 47: text after the end of the object"),
      Reject(
        line: 13, merchantID: "M11", message: #"field "revenue": 1e999 is not a finite number"#),
      Reject(line: 14, merchantID: nil, message: #"field "merchant_id" is empty"#),
      Reject(line: 15, merchantID: nil, message: #"field "merchant_id" is missing"#),
      Reject(line: 16, merchantID: "M14", message: #"field "revenue" is missing"#),
      Reject(line: 17, merchantID: "M15", message: #"field "revenue" is missing"#),
      Reject(
        line: 18, merchantID: "M16",
        message: #"field "certs": ["a",1] is not a set (an array of strings)"#),
      Reject(
        line: 19, merchantID: "M17",
        message: #"field "revenue": invalid JSON at column 33: expected ',' or '}'"#),
      Reject(
        line: 20, merchantID: "M18",
        message: "invalid JSON at column 46: expected a key in double quotes"),
      Reject(line: 21, merchantID: nil, message: "a record must be a JSON object"),
      Reject(line: 22, merchantID: "M20", message: #"field "name": invalid UTF-8 at column 58"#),
      Reject(line: 23, merchantID: "M21", message: #"field "name": 12 is not a text (a string)"#),
      Reject(
        line: 24, merchantID: "M22",
        message: #"field "revenue": invalid JSON at column 32: expected a value"#),
    ]
    #expect(out.rejects == expected)
  }

  @Test func nastyFileDecodesTheGoodRecordsExactly() throws {
    let out = try S.readAll(S.fixture("nasty.jsonl"), extras: ["extra"])
    try #require(out.rows.count == 4)
    #expect(
      out.rows[0] == [
        S.text("M01"), S.text("Plain"), .number(100), .number(0.5), .bool(true),
        S.date("2020-01-31"), S.set("ISO14001", "CEL"),
      ])
    #expect(
      out.rows[1] == [
        S.text("M02"), .missing, .number(1e6), .missing, .bool(false), .missing, .set(.empty),
      ])
    #expect(out.extras[1] == [.text(#"{"deep":[1,{"x":null}],"s":"\u00e9"}"#)])
    #expect(out.rows[2][1] == S.text("Multi\nline \"name\" \u{1F600}"))
    #expect(out.rows[2][2] == .number(-0.35))
    #expect(
      out.rows[3] == [
        S.text("M23"), S.text(""), .number(2), .missing, .bool(true), .missing, .set(.empty),
      ])
  }

  @Test func extraFieldsKeepTheirJSONTypes() throws {
    let path = try S.temporaryFile(
      """
      {"merchant_id":"A","revenue":1,"open":true,"expect_rating":"green","expect_score":71.5,\
      "expect_eligible":false,"expect_reasons":["a","b"],"odd":[1]}
      {"merchant_id":"B","revenue":1,"open":true,"expect_rating":null,"expect_reasons":[]}

      """, ext: "ndjson")
    let names = [
      "expect_rating", "expect_score", "expect_eligible", "expect_reasons", "odd", "revenue",
    ]
    let out = try S.readAll(path, extras: names)
    #expect(out.rejects.isEmpty)
    #expect(
      out.extras == [
        [
          .text("green"), .number(71.5), .bool(false), .list(["a", "b"]), .text("[1]"), .number(1),
        ],
        [.missing, .missing, .missing, .list([]), .missing, .number(1)],
      ])
  }

  @Test func strictJSONGrammar() throws {
    let bad = [
      #"{"merchant_id":"A","revenue":+1,"open":true}"#,
      #"{"merchant_id":"A","revenue":.5,"open":true}"#,
      #"{"merchant_id":"A","revenue":1.,"open":true}"#,
      #"{"merchant_id":"A","revenue":1e,"open":true}"#,
      #"{"merchant_id":"A","revenue":0x10,"open":true}"#,
      #"{"merchant_id":"A","revenue":1,"open":True}"#,
      #"{"merchant_id":"A","revenue":1,"open":tru}"#,
      #"{"merchant_id":"A","revenue":1,"open":fals}"#,
      #"{"merchant_id":"A","revenue":1,"open":true,"x":nul}"#,
      #"{"merchant_id":"A","revenue":1,"open":truex}"#,
      #"{"merchant_id":"A","revenue":1,"open":true,"x":nu"#,
      #"{"merchant_id":"A","revenue":1,"open":true,}"#,
      #"{'merchant_id':"A","revenue":1,"open":true}"#,
      #"{"merchant_id":"A" "revenue":1,"open":true}"#,
      #"{"merchant_id":"A\x","revenue":1,"open":true}"#,
      #"{"merchant_id":"A\u12","revenue":1,"open":true}"#,
      "{\"merchant_id\":\"A\tB\",\"revenue\":1,\"open\":true}",
      #"{"merchant_id":"A","revenue":1,"open":true,"x":[1,2}"#,
      #"{"merchant_id":"A","revenue":1,"open":true,"x":{"a" 1}}"#,
      #"{"merchant_id":"A","revenue":1,"open":true,"x":"\ud800\u0041"}"#,
      #"{"merchant_id":"A","revenue":1,"open":true}}"#,
      #"{"merchant_id":"A","revenue":1,"open":true"#,
      "{\"merchant_id\":\"A\",\"revenue\":1,\"open\":true,\"x\":"
        + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}",
    ]
    let path = try S.temporaryFile(bad.joined(separator: "\n") + "\n", ext: "jsonl")
    let out = try S.readAll(path)
    #expect(out.rows.isEmpty)
    #expect(out.rejects.map(\.line) == Array(1...bad.count))
    for reject in out.rejects {
      #expect(!reject.message.isEmpty && !reject.message.contains("\n"))
    }
    let good = [
      #"{"merchant_id":"A","revenue":-0,"open":true,"x":[[[[{"y":[]}]]]],"z":"\/\b\f\n\r\t"}"#,
      #"{"merchant_id":"B","revenue":1E+2,"open":false,"x":"\uD834\uDD1E","x2":-1.5e-3}"#,
    ]
    let goodOut = try S.readAll(try S.temporaryFile(good.joined(separator: "\r\n"), ext: "jsonl"))
    #expect(goodOut.rejects == [])
    #expect(goodOut.keys == ["A", "B"])
    #expect(goodOut.rows[1][2] == .number(100))
  }

  @Test func repeatedUnknownKeysAreFoundAmongMany() throws {
    let many = (0..<200).map { "\"k\($0)\":\($0)" }
    let base = #"{"merchant_id":"A","revenue":1,"open":true,"#
    let lines = [
      base + many.joined(separator: ",") + "}",
      base + many.joined(separator: ",") + #","k150":0}"#,
      base + many.joined(separator: ",") + #","k\u0031":0}"#,
    ]
    let out = try S.readAll(try S.temporaryFile(lines.joined(separator: "\n"), ext: "jsonl"))
    #expect(out.keys == ["A"])
    #expect(
      out.rejects == [
        Reject(line: 2, merchantID: "A", message: #"the key "k150" appears twice"#),
        Reject(line: 3, merchantID: "A", message: #"the key "k\u0031" appears twice"#),
      ])
  }

  @Test func resumingContinuesAfterAChunk() throws {
    let path = S.fixture("nasty.jsonl")
    let all = try S.readAll(path, maxRecords: 5)
    for chunk in all.chunks.dropLast() {
      let rest = try S.readAll(path, maxRecords: 5, resumeAt: (chunk.endOffset, chunk.endLine))
      let index = try #require(all.chunks.firstIndex { $0.endOffset == chunk.endOffset })
      let later = all.chunks[(index + 1)...]
      #expect(rest.rejects == later.flatMap(\.rejects))
      #expect(rest.lines == later.flatMap(\.records.lines))
    }
  }

  @Test func recordsCanComeFromMemory() throws {
    let json =
      #"{"merchant_id":"M1","revenue":2.5,"open":"no"}"# + "\n"
      + #"{"merchant_id":"M2","revenue":1,"open":false}"#
    let reader = try RecordReader(bytes: Array(json.utf8), format: .jsonl, layout: S.layout)
    let out = try S.drain(reader)
    #expect(out.keys == ["M2"])
    #expect(
      out.rejects == [
        Reject(
          line: 1, merchantID: "M1", message: #"field "open": "no" is not a bool (true or false)"#)
      ])
    let csv = try RecordReader(
      bytes: Array("merchant_id,revenue,open,certs\nM3,1,no,\n".utf8), format: .csv,
      layout: S.layout)
    #expect(try S.drain(csv).keys == ["M3"])
    #expect(
      S.readerError { _ = try RecordReader(bytes: [], format: .csv, layout: S.layout) } != nil)
  }

  @Test func emptyAndBlankFilesHaveNoRecords() throws {
    for text in ["", "\n\n", "\u{FEFF}\n  \r\n\t\n"] {
      let reader = try RecordReader(
        path: try S.temporaryFile(text, ext: "jsonl"), format: nil, layout: S.layout)
      #expect(try reader.nextChunk(maxRecords: 4) == nil)
    }
  }
}
