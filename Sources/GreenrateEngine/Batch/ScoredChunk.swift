import GreenrateReaders
import GreenrateStore

/// One chunk's results, laid out for the writer: every variable-length column of every
/// row in one byte buffer, so the writer binds slices of it and allocates nothing.
///
/// Built by `ChunkScorer` on a scoring thread; consumed by `ChunkWriter` in input order.
package struct ScoredChunk: Sendable {
  /// The chunk's position in the input (0, 1, 2, ...): the writer's commit order.
  package var sequence: Int
  /// Columns of all rows, back to back (see `Segment`).
  var data: JSONWriter
  /// `Segment.count + 1` offsets into `data` per row: where each segment starts, then
  /// where the row ends.
  var marks: [Int] = []
  var scores: [Double] = []
  var ratingIndexes: [Int] = []
  var eligible: [Bool] = []
  var lines: [Int] = []
  /// Each row's `states` hash (`RatingRow.stateHash`), computed on the scoring thread.
  var hashes: [Int64] = []
  /// `prefix` of each row's key (rows are in key order once `sortByKey` ran).
  var sortedPrefixes: [UInt64] = []
  /// Records of this chunk that failed, in line order (decode errors, runtime errors).
  var rejects: [Reject] = []
  /// Records this chunk covers: scored plus rejected.
  package var recordsRead: Int = 0
  /// The reader's position after the chunk (where a resumed run carries on).
  package var endOffset: Int64 = 0
  package var endLine: Int = 1
  /// The input's hash up to `endOffset` (see `ReadChunk.inputDigest`).
  package var inputDigest: String?

  /// The variable-length columns of a rating row, in the order they are stored.
  enum Segment: Int, CaseIterable {
    case key, rating, reasons, knockouts, denials, outputs, factors, record
  }

  static let stride = Segment.allCases.count + 1

  package init(sequence: Int, capacity: Int = 0) {
    self.sequence = sequence
    data = JSONWriter(capacity: capacity * 384)
    marks.reserveCapacity(capacity * ScoredChunk.stride)
    scores.reserveCapacity(capacity)
    ratingIndexes.reserveCapacity(capacity)
    eligible.reserveCapacity(capacity)
    lines.reserveCapacity(capacity)
    hashes.reserveCapacity(capacity)
  }

  /// Records scored (rows to insert, before duplicates are found).
  package var scoredCount: Int { lines.count }

  /// Records rejected before writing (duplicates are found by the writer).
  package var rejectedCount: Int { rejects.count }

  /// Starts the next segment of the current row.
  mutating func mark() { marks.append(data.bytes.count) }

  /// The byte range of a row's segment.
  func range(row: Int, _ segment: Segment) -> Range<Int> {
    let base = row * ScoredChunk.stride + segment.rawValue
    return marks[base]..<marks[base + 1]
  }

  /// Puts the rows in key order (the order of SQLite's BINARY collation), ties in input
  /// order, and fills `sortedPrefixes`: the writer inserts a group's rows by key
  /// whatever the input's order, and for equal keys the first row comes first, so the
  /// record kept for a duplicate key is still the first scored.
  ///
  /// The rows are moved, bytes and all, not just ordered by an index: the writer then
  /// reads each chunk front to back however shuffled the input was (through an index,
  /// every row it read was a cache miss; shuffled input cost 0.6 s more CPU per 1M).
  /// Lines stay with their rows, so rejects are still reported by line.
  mutating func sortByKey() {
    let count = scoredCount
    var prefixes = [UInt64](repeating: 0, count: count)
    let stride = ScoredChunk.stride
    var order = (0..<Int32(count)).map { $0 }
    var sorted = true
    marks.withUnsafeBufferPointer { marks in
      data.bytes.withUnsafeBufferPointer { bytes in
        guard let base = bytes.baseAddress else { return }
        func key(_ row: Int32) -> (UnsafePointer<UInt8>, Int) {
          let start = marks[Int(row) * stride]
          return (base + start, marks[Int(row) * stride + 1] - start)
        }
        for row in 0..<count { prefixes[row] = ScoredChunk.prefix(key(Int32(row))) }
        func less(_ a: Int32, _ b: Int32) -> Bool {
          let pa = prefixes[Int(a)]
          let pb = prefixes[Int(b)]
          if pa != pb { return pa < pb }
          let ka = key(a)
          let kb = key(b)
          if ScoredChunk.less(ka, kb) { return true }
          if ScoredChunk.less(kb, ka) { return false }
          return a < b
        }
        for i in 1..<max(1, count) where less(Int32(i), Int32(i - 1)) {
          sorted = false
          break
        }
        if !sorted { order.sort(by: less) }
      }
    }
    if sorted {
      sortedPrefixes = prefixes
    } else {
      rearrange(order)
      sortedPrefixes = order.map { prefixes[Int($0)] }
    }
  }

  /// Moves row `order[i]` to position `i`, in every column.
  private mutating func rearrange(_ order: [Int32]) {
    let stride = ScoredChunk.stride
    var bytes: [UInt8] = []
    bytes.reserveCapacity(data.bytes.count)
    var newMarks: [Int] = []
    newMarks.reserveCapacity(marks.count)
    for old in order {
      let first = Int(old) * stride
      let start = marks[first]
      let shift = bytes.count - start
      for k in 0..<stride { newMarks.append(marks[first + k] + shift) }
      bytes.append(contentsOf: data.bytes[start..<marks[first + stride - 1]])
    }
    data.bytes = bytes
    marks = newMarks
    scores = order.map { scores[Int($0)] }
    ratingIndexes = order.map { ratingIndexes[Int($0)] }
    eligible = order.map { eligible[Int($0)] }
    lines = order.map { lines[Int($0)] }
    hashes = order.map { hashes[Int($0)] }
  }

  /// The first 8 bytes of a key as a big-endian number, zero-padded: a smaller prefix
  /// means a smaller key, so most comparisons need no `memcmp`.
  static func prefix(_ key: (UnsafePointer<UInt8>, Int)) -> UInt64 {
    var value: UInt64 = 0
    for i in 0..<8 { value = value << 8 | UInt64(i < key.1 ? key.0[i] : 0) }
    return value
  }

  /// Byte-wise order of two keys.
  static func less(_ a: (UnsafePointer<UInt8>, Int), _ b: (UnsafePointer<UInt8>, Int)) -> Bool {
    let n = min(a.1, b.1)
    let c = System.compareBytes(a.0, b.0, count: n)
    return c != 0 ? c < 0 : a.1 < b.1
  }

  /// Row `row` as the store takes it; `bytes` is `data.bytes`, held in place.
  func ratingRow(_ row: Int, bytes: UnsafeRawBufferPointer) -> RatingRow {
    func slice(_ segment: Segment) -> UnsafeRawBufferPointer {
      UnsafeRawBufferPointer(rebasing: bytes[range(row: row, segment)])
    }
    return RatingRow(
      merchantID: slice(.key), line: lines[row], score: scores[row], rating: slice(.rating),
      eligible: eligible[row], reasons: slice(.reasons), knockouts: slice(.knockouts),
      denials: slice(.denials), outputs: slice(.outputs), factors: slice(.factors),
      record: slice(.record))
  }

  /// Appends `bytes` to the last row's record (values carried after the rules' inputs)
  /// and hashes the row again under the fields that record now has.
  mutating func extendLastRecord(_ bytes: [UInt8], fieldsSeed: UInt64) {
    guard scoredCount > 0 else { return }
    data.bytes += bytes
    marks[marks.count - 1] = data.bytes.count
    let row = scoredCount - 1
    hashes[row] = data.bytes.withUnsafeBytes {
      ratingRow(row, bytes: $0).stateHash(fieldsSeed: fieldsSeed)
    }
  }

  /// A row's key as a string (for messages; not the hot path).
  func key(row: Int) -> String {
    String(decoding: data.bytes[range(row: row, .key)], as: UTF8.self)
  }
}
