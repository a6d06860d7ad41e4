import Foundation
import GreenrateLanguage
import Testing

@testable import GreenrateReaders

/// Shared helpers for the reader tests (CSV, JSON Lines, round trips).
enum ReaderTestSupport {
  /// merchant_id text key, name text?, revenue number, share number?, open bool,
  /// since date?, certs set.
  static let layout = RecordLayout(inputs: [
    ("merchant_id", .text, true),
    ("name", .text.optional, false),
    ("revenue", .number, false),
    ("share", .number.optional, false),
    ("open", .bool, false),
    ("since", .date.optional, false),
    ("certs", .set, false),
  ])

  static func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/readers/\(name)").path
  }

  /// Writes `bytes` to a fresh temporary file with the given extension.
  static func temporaryFile(_ bytes: [UInt8], ext: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-readers-\(UUID().uuidString).\(ext)")
    try Data(bytes).write(to: url)
    return url.path
  }

  static func temporaryFile(_ text: String, ext: String) throws -> String {
    try temporaryFile(Array(text.utf8), ext: ext)
  }

  /// Everything a reader yields, flattened.
  struct Output {
    var rows: [[Value]] = []
    var lines: [Int] = []
    var rejects: [Reject] = []
    var extras: [[ExtraField]] = []
    var chunks: [ReadChunk] = []

    var keys: [String] {
      rows.map { row in
        if case .text(let t) = row[0] { return t.string }
        return "?"
      }
    }
  }

  static func readAll(
    _ path: String, format: InputFormat? = nil, layout: RecordLayout = layout,
    extras extraNames: [String] = [], maxRecords: Int = 3,
    resumeAt: (offset: Int64, line: Int)? = nil
  ) throws -> Output {
    let reader = try RecordReader(
      path: path, format: format, layout: layout, extraFields: extraNames, resumeAt: resumeAt)
    return try drain(reader, maxRecords: maxRecords)
  }

  static func drain(_ reader: RecordReader, maxRecords: Int = 3) throws -> Output {
    var out = Output()
    let extraCount = reader.extraFieldNames.count
    while let chunk = try reader.nextChunk(maxRecords: maxRecords) {
      #expect(chunk.records.count + chunk.rejects.count <= maxRecords)
      #expect(chunk.extras.count == chunk.records.count * extraCount)
      for row in 0..<chunk.records.count {
        out.rows.append(
          (0..<reader.layout.fields.count).map { chunk.records.value(row: row, field: $0) })
        out.lines.append(chunk.records.lines[row])
        out.extras.append(Array(chunk.extras[row * extraCount..<(row + 1) * extraCount]))
      }
      out.rejects.append(contentsOf: chunk.rejects)
      out.chunks.append(chunk)
    }
    return out
  }

  /// The reader error `body` throws, or nil.
  static func readerError(_ body: () throws -> Void) -> ReaderError? {
    do {
      try body()
      return nil
    } catch let error as ReaderError {
      return error
    } catch {
      return ReaderError("unexpected error \(error)")
    }
  }

  static func text(_ s: String) -> Value { .text(Text(s)) }

  static func set(_ items: String...) -> Value { .set(TextSet(items.map(Text.init))) }

  static func date(_ s: String) -> Value { .date(Day.parse(s) ?? -1) }
}
