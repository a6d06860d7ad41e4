/// One stored rating row as `export` reads it: views into the statement's current row,
/// valid until the next step.
struct ExportRow {
  var runID: Int64
  var key: UnsafeRawBufferPointer
  var score: Double
  var rating: UnsafeRawBufferPointer
  var eligible: Bool
  /// JSON arrays of codes, as stored.
  var reasons: UnsafeRawBufferPointer
  var knockouts: UnsafeRawBufferPointer
  var denials: UnsafeRawBufferPointer
  /// The JSON object of outputs, as stored.
  var outputs: UnsafeRawBufferPointer
  /// One varint band index per factor of the run.
  var factors: UnsafeRawBufferPointer
}
