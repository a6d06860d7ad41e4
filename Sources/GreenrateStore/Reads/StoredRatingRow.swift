/// A merchant's rating as a run stored it, its columns as kept: JSON as text, the
/// factors' band indexes and the record as bytes. The engine reads it (`StoredRating`)
/// with the language's value types, which the store does not know.
package struct StoredRatingRow: Sendable {
  /// The run that produced the rating.
  package var run: RunInfo
  package var merchantID: String
  /// The input line the record started on.
  package var line: Int
  package var score: Double
  package var rating: String
  package var eligible: Bool
  /// JSON arrays of codes.
  package var reasons: String
  package var knockouts: String
  package var denials: String
  /// A JSON object of output values, in declaration order.
  package var outputs: String
  /// The matched band of each factor, one varint each.
  package var factors: [UInt8]
  /// The record's bytes, under `recordFields`.
  package var record: [UInt8]
  /// The run's `record_fields`.
  package var recordFields: String
  /// The run's `factor_info` (JSON), nil when it has none.
  package var factorInfo: String?
}
