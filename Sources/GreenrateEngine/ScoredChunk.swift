/// One chunk's results, laid out for the writer: every variable-length column of every
/// row in one byte buffer, so the writer binds slices of it and allocates nothing.
///
/// Built by `ChunkScorer` on a scoring thread; consumed by `ChunkWriter` in input order.
public struct ScoredChunk: Sendable {
  /// The chunk's position in the input (0, 1, 2, ...): the writer's commit order.
  public var sequence: Int
  /// Columns of all rows, back to back (see `Segment`).
  var data: JSONWriter
  /// `Segment.count + 1` offsets into `data` per row: where each segment starts, then
  /// where the row ends.
  var marks: [Int] = []
  var scores: [Double] = []
  var ratingIndexes: [Int] = []
  var eligible: [Bool] = []
  var lines: [Int] = []
  /// Records of this chunk that failed, in line order (decode errors, runtime errors).
  var rejects: [ChunkReject] = []
  /// Records this chunk covers: scored plus rejected.
  public var recordsRead: Int = 0
  /// The reader's position after the chunk (where a resumed run carries on).
  public var endOffset: Int64 = 0
  public var endLine: Int = 1

  /// The variable-length columns of a rating row, in the order they are stored.
  enum Segment: Int, CaseIterable {
    case key, rating, reasons, knockouts, denials, outputs, factors, record
  }

  static let stride = Segment.allCases.count + 1

  public init(sequence: Int, capacity: Int = 0) {
    self.sequence = sequence
    data = JSONWriter(capacity: capacity * 256)
    marks.reserveCapacity(capacity * ScoredChunk.stride)
    scores.reserveCapacity(capacity)
    ratingIndexes.reserveCapacity(capacity)
    eligible.reserveCapacity(capacity)
    lines.reserveCapacity(capacity)
  }

  /// Records scored (rows to insert, before duplicates are found).
  public var scoredCount: Int { lines.count }

  /// Records rejected before writing (duplicates are found by the writer).
  public var rejectedCount: Int { rejects.count }

  /// Starts the next segment of the current row.
  mutating func mark() { marks.append(data.bytes.count) }

  /// The byte range of a row's segment.
  func range(row: Int, _ segment: Segment) -> Range<Int> {
    let base = row * ScoredChunk.stride + segment.rawValue
    return marks[base]..<marks[base + 1]
  }

  /// A row's key as a string (for messages; not the hot path).
  func key(row: Int) -> String {
    String(decoding: data.bytes[range(row: row, .key)], as: UTF8.self)
  }
}

/// A record that failed, as the `rejects` table stores it.
struct ChunkReject: Sendable {
  var line: Int
  var merchantID: String?
  var message: String
  /// The decoded record, when it decoded (a runtime error): rescore can start from it.
  var record: [UInt8]?
}
