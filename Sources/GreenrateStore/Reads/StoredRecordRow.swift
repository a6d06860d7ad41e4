/// A merchant's record as last received by a batch or a rescore, undecoded: the engine
/// reads it (`StoredRecord`) under its fields.
package struct StoredRecordRow: Sendable {
  package var merchantID: String
  /// The run that received it.
  package var runID: Int64
  /// The rule file path recorded by that run (rescore's default rules).
  package var rulesPath: String
  /// The input line on which the record started.
  package var line: Int
  /// The run's `record_fields`: the inputs the record is stored under.
  package var recordFields: String
  /// The record's bytes.
  package var record: [UInt8]
  /// The batch run whose input the record comes from (for a rescore's record, the
  /// batch record it started from): how fresh the record is.
  package var sourceRun: Int64
}
