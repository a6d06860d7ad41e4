/// A compiled rule set: what the engine needs to decode records and score them.
///
/// Immutable and shareable across threads; each scoring thread makes its own
/// `Evaluator` from it.
package struct Program: Sendable {
  /// The rule file's path as given (used in runtime error messages).
  package let file: String
  package let name: String
  package let version: String
  /// SHA-256 of the file's bytes, 64 lowercase hex digits.
  package let sha256: String
  package let layout: RecordLayout
  package let factors: [FactorInfo]
  package let knockoutCodes: [String]
  package let denialCodes: [String]
  /// The labels of the rating block's bands, in order (`Evaluator.ratingIndex` indexes it).
  package let ratingLabels: [String]
  package let outputs: [OutputInfo]
  /// Where each knockout, deny line and rating band is written, in the order of
  /// `knockoutCodes`, `denialCodes` and `ratingLabels` (for `test --coverage`).
  package internal(set) var knockoutLocations: [SourceLocation] = []
  package internal(set) var denialLocations: [SourceLocation] = []
  package internal(set) var ratingLocations: [SourceLocation] = []
  /// The compiled steps; internal to the language target.
  let code: CompiledCode
}

/// A factor as the rule file declares it.
package struct FactorInfo: Sendable {
  package let name: String
  package let title: String?
  package let bands: [BandInfo]
  /// The highest points of any band (the shortfall is measured from it).
  package let best: Double
}

/// One band of a factor.
package struct BandInfo: Sendable {
  package let points: Double
  package let reason: String?
  package let location: SourceLocation
  package let isElse: Bool
}

/// An `output` declaration.
package struct OutputInfo: Sendable {
  package let name: String
  package let type: ValueType
}
