import GreenrateLanguage

/// A run of consecutive records from one input, decoded and ready to score.
package struct ReadChunk: Sendable {
  /// Decoded records in input order, each with its line.
  package var records: RecordBuffer
  /// The records of this stretch of input that failed to decode, in input order.
  package var rejects: [Reject]
  /// `records.count * extraFields.count` values, row-major, for the reader's extra fields.
  package var extras: [ExtraField]
  /// The byte offset just after the chunk's last record (or reject).
  package var endOffset: Int64
  /// The line on which the next record would start.
  package var endLine: Int
  /// The `InputHash` digest of the input's bytes before `endOffset` (stored with the
  /// resume point, checked by `--resume`).
  package var inputDigest: String?

  package init(
    records: RecordBuffer, rejects: [Reject] = [], extras: [ExtraField] = [],
    endOffset: Int64 = 0, endLine: Int = 1
  ) {
    self.records = records
    self.rejects = rejects
    self.extras = extras
    self.endOffset = endOffset
    self.endLine = endLine
  }
}
