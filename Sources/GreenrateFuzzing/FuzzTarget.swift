import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// The four things greenrate reads from outside, each as a fuzz target: one call per
/// input, which must return (never trap, never hang) whatever the bytes.
///
/// `greenrate-fuzz` runs them under libFuzzer (`scripts/fuzz`); the tests replay the
/// committed corpus and every crasher or slow input found through the same calls.
package enum FuzzTarget: String, CaseIterable, Sendable {
  /// Lexer, parser, checker, compiler and linter on a rule file (as `greenrate check`),
  /// and its errors rendered.
  case rules
  /// The CSV reader, header included, to the end of the input.
  case csv
  /// The JSON Lines reader to the end of the input.
  case jsonl
  /// The stored-record decoder (`StoredRecordCodec`) and its field-list parser.
  case stored

  /// Feeds one input to the target.
  package func run(_ bytes: [UInt8]) {
    switch self {
    case .rules: Self.rules(bytes)
    case .csv: Self.read(bytes, format: .csv)
    case .jsonl: Self.read(bytes, format: .jsonl)
    case .stored: Self.stored(bytes)
    }
  }

  /// Inputs of every type, for the readers and the decoder: the reader tests' layout, so
  /// their fixtures are good seeds.
  package static let layout = RecordLayout(inputs: [
    ("merchant_id", .text, true),
    ("name", .text.optional, false),
    ("revenue", .number, false),
    ("share", .number.optional, false),
    ("open", .bool, false),
    ("since", .date.optional, false),
    ("certs", .set, false),
  ])

  /// Seeds for `stored`: each record of a CSV text (read with `layout`), encoded.
  package static func storedSeeds(fromCSV bytes: [UInt8]) -> [[UInt8]] {
    guard let reader = try? RecordReader(bytes: bytes, format: .csv, layout: layout) else {
      return []
    }
    var seeds: [[UInt8]] = []
    while let chunk = try? reader.nextChunk(maxRecords: 100) {
      for row in 0..<chunk.records.count {
        var out: [UInt8] = []
        StoredRecordCodec.encode(chunk.records, row: row, into: &out)
        seeds.append(out)
      }
    }
    return seeds
  }

  private static func rules(_ bytes: [UInt8]) {
    do {
      _ = try Program.compileWithWarnings(source: bytes, file: "fuzz.rules")
    } catch {
      _ = error.rendered
    }
  }

  private static func read(_ bytes: [UInt8], format: InputFormat) {
    guard
      let reader = try? RecordReader(
        bytes: bytes, format: format, layout: layout, extraFields: ["note"])
    else { return }
    // A reader error ends the input; each chunk is at least one record or reject, so
    // this ends.
    while let chunk = try? reader.nextChunk(maxRecords: 7) {
      _ = chunk.records.count
    }
  }

  private static func stored(_ bytes: [UInt8]) {
    let fields = layout.fields.map {
      StoredField(name: $0.name, type: $0.type, isKey: $0.isKey)
    }
    _ = try? StoredRecordCodec.decode(bytes, fields: fields, key: "M1")
    _ = try? StoredRecordCodec.parseFieldList(String(decoding: bytes, as: UTF8.self))
  }
}
