import GreenrateLanguage

/// A run of consecutive records from one input, decoded and ready to score.
public struct ReadChunk: Sendable {
  /// Decoded records in input order, each with its line.
  public var records: RecordBuffer
  /// The records of this stretch of input that failed to decode, in input order.
  public var rejects: [Reject]
  /// `records.count * extraFields.count` values, row-major, for the reader's extra fields.
  public var extras: [ExtraField]
  /// The byte offset just after the chunk's last record (or reject).
  public var endOffset: Int64
  /// The line on which the next record would start.
  public var endLine: Int

  public init(
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
