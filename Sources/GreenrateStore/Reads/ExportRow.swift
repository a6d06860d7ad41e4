/// One stored rating row as `export` reads it: views into the statement's current row,
/// valid until the next step.
package struct ExportRow {
  package var runID: Int64
  package var key: UnsafeRawBufferPointer
  package var score: Double
  package var rating: UnsafeRawBufferPointer
  package var eligible: Bool
  /// JSON arrays of codes, as stored.
  package var reasons: UnsafeRawBufferPointer
  package var knockouts: UnsafeRawBufferPointer
  package var denials: UnsafeRawBufferPointer
  /// The JSON object of outputs, as stored.
  package var outputs: UnsafeRawBufferPointer
  /// One varint band index per factor of the run.
  package var factors: UnsafeRawBufferPointer
}
