/// One rating to store, as views of bytes the caller owns (valid for the call): the
/// store's own row type, so the store needs nothing from the pipeline that made it.
package struct RatingRow {
  /// The merchant's id (UTF-8).
  package var merchantID: UnsafeRawBufferPointer
  /// The input line the record started on.
  package var line: Int
  package var score: Double
  /// The rating label (UTF-8).
  package var rating: UnsafeRawBufferPointer
  package var eligible: Bool
  /// JSON arrays of codes, as the contract stores them.
  package var reasons: UnsafeRawBufferPointer
  package var knockouts: UnsafeRawBufferPointer
  package var denials: UnsafeRawBufferPointer
  /// A JSON object.
  package var outputs: UnsafeRawBufferPointer
  /// The matched band of each factor, one varint each.
  package var factors: UnsafeRawBufferPointer
  /// The record in `StoredRecordCodec` form.
  package var record: UnsafeRawBufferPointer

  package init(
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
  package func stateHash(fieldsSeed: UInt64) -> Int64 {
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
  package static func fieldsSeed(_ recordFields: String) -> UInt64 {
    var hasher = StateHasher()
    hasher.add(recordFields)
    return UInt64(bitPattern: hasher.value)
  }
}
