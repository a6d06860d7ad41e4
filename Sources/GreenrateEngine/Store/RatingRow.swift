/// One rating to store, as views of bytes the caller owns (valid for the call): the
/// store's own row type, so the store needs nothing from the pipeline that made it.
public struct RatingRow {
  /// The merchant's id (UTF-8).
  public var merchantID: UnsafeRawBufferPointer
  /// The input line the record started on.
  public var line: Int
  public var score: Double
  /// The rating label (UTF-8).
  public var rating: UnsafeRawBufferPointer
  public var eligible: Bool
  /// JSON arrays of codes, as the contract stores them.
  public var reasons: UnsafeRawBufferPointer
  public var knockouts: UnsafeRawBufferPointer
  public var denials: UnsafeRawBufferPointer
  /// A JSON object.
  public var outputs: UnsafeRawBufferPointer
  /// The matched band of each factor, one varint each.
  public var factors: UnsafeRawBufferPointer
  /// The record in `StoredRecordCodec` form.
  public var record: UnsafeRawBufferPointer

  public init(
    merchantID: UnsafeRawBufferPointer, line: Int, score: Double, rating: UnsafeRawBufferPointer,
    eligible: Bool, reasons: UnsafeRawBufferPointer, knockouts: UnsafeRawBufferPointer,
    denials: UnsafeRawBufferPointer, outputs: UnsafeRawBufferPointer,
    factors: UnsafeRawBufferPointer, record: UnsafeRawBufferPointer
  ) {
    self.merchantID = merchantID
    self.line = line
    self.score = score
    self.rating = rating
    self.eligible = eligible
    self.reasons = reasons
    self.knockouts = knockouts
    self.denials = denials
    self.outputs = outputs
    self.factors = factors
    self.record = record
  }

  /// The `states.hash` of this row's content for a run whose `record_fields` hash to
  /// `fieldsSeed` (see `RatingRow.fieldsSeed`).
  public func stateHash(fieldsSeed: UInt64) -> Int64 {
    var hasher = StateHasher(seed: fieldsSeed)
    hasher.add(score.bitPattern)
    hasher.add(eligible ? 1 : 0)
    hasher.add(rating)
    hasher.add(reasons)
    hasher.add(knockouts)
    hasher.add(denials)
    hasher.add(outputs)
    hasher.add(factors)
    hasher.add(record)
    return hasher.value
  }

  /// The seed of `stateHash` for a run's `record_fields` text: a record's bytes mean
  /// something only under its fields, so equal states must have equal fields.
  public static func fieldsSeed(_ recordFields: String) -> UInt64 {
    var hasher = StateHasher()
    hasher.add(recordFields)
    return UInt64(bitPattern: hasher.value)
  }
}
