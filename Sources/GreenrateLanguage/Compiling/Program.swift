/// A compiled rule set: what the engine needs to decode records and score them.
///
/// Immutable and shareable across threads; each scoring thread makes its own
/// `Evaluator` from it.
public struct Program: Sendable {
  /// The rule file's path as given (used in runtime error messages).
  public let file: String
  public let name: String
  public let version: String
  /// SHA-256 of the file's bytes, 64 lowercase hex digits.
  public let sha256: String
  public let layout: RecordLayout
  public let factors: [FactorInfo]
  public let knockoutCodes: [String]
  public let denialCodes: [String]
  /// The labels of the rating block's bands, in order (`Evaluator.ratingIndex` indexes it).
  public let ratingLabels: [String]
  public let outputs: [OutputInfo]
  /// Where each knockout, deny line and rating band is written, in the order of
  /// `knockoutCodes`, `denialCodes` and `ratingLabels` (for `test --coverage`).
  public internal(set) var knockoutLocations: [SourceLocation] = []
  public internal(set) var denialLocations: [SourceLocation] = []
  public internal(set) var ratingLocations: [SourceLocation] = []
  /// The compiled steps; internal to the language target.
  let code: CompiledCode
}

/// A factor as the rule file declares it.
public struct FactorInfo: Sendable {
  public let name: String
  public let title: String?
  public let bands: [BandInfo]
  /// The highest points of any band (the shortfall is measured from it).
  public let best: Double
}

/// One band of a factor.
public struct BandInfo: Sendable {
  public let points: Double
  public let reason: String?
  public let location: SourceLocation
  public let isElse: Bool
}

/// An `output` declaration.
public struct OutputInfo: Sendable {
  public let name: String
  public let type: ValueType
}
