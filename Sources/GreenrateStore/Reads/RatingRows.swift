/// A chunk of one run's rating rows as `RunReader` streams them: columns side by side,
/// variable-length columns as byte ranges in one buffer, so a chunk of thousands of
/// rows is a handful of allocations.
package struct RatingRows: Sendable {
  /// Which columns a read fills (the summary is enough for drift).
  package enum Columns: Sendable {
    /// Run, score, rating, eligible and matched bands.
    case summary
    /// Also merchant id, line, knockout and denial codes (JSON arrays) and the record.
    case full
  }

  package var count = 0
  package var runIDs: [Int64] = []
  package var scores: [Double] = []
  /// Index into `ratingNames` (the reader's labels, as met so far).
  package var ratings: [Int] = []
  package var ratingNames: [String] = []
  package var eligible: [Bool] = []
  package var lines: [Int] = []
  /// Row-major byte ranges: per row `fieldCount` end offsets into `bytes`, in the order
  /// of `Field`; summary reads fill `factors` only.
  package var bytes: [UInt8] = []
  var ends: [Int] = []
  let fieldCount: Int

  /// The variable-length columns.
  package enum Field: Int, Sendable {
    case factors = 0
    case merchantID, knockouts, denials, record
  }

  init(columns: Columns, capacity: Int) {
    fieldCount = columns == .summary ? 1 : 5
    runIDs.reserveCapacity(capacity)
    scores.reserveCapacity(capacity)
    ratings.reserveCapacity(capacity)
    eligible.reserveCapacity(capacity)
    ends.reserveCapacity(capacity * fieldCount)
  }

  /// The bytes of one row's column (empty when the read did not fill it).
  package func range(_ field: Field, row: Int) -> Range<Int> {
    guard field.rawValue < fieldCount else { return 0..<0 }
    let at = row * fieldCount + field.rawValue
    let start = at == 0 ? 0 : ends[at - 1]
    return start..<ends[at]
  }

  /// A column's bytes as text.
  package func text(_ field: Field, row: Int) -> String {
    let r = range(field, row: row)
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self)
    }
  }

  /// The matched band of each factor (the stored varints), into `bands`; returns how
  /// many were read.
  package func bands(row: Int, into bands: inout [Int]) -> Int {
    let r = range(.factors, row: row)
    var n = 0
    var value = 0
    var shift = 0
    for i in r {
      let b = bytes[i]
      value |= Int(b & 0x7F) << shift
      if b < 0x80 {
        if n < bands.count { bands[n] = value }
        n += 1
        value = 0
        shift = 0
      } else {
        shift += 7
        if shift > 56 { break }
      }
    }
    return n
  }
}
