/// What a run records about the rule set it scores with, as plain values: the engine
/// describes its compiled rules this way, so the store needs no rule syntax.
package struct RulesetDescription: Sendable {
  package var name: String
  package var version: String
  package var sha256: String
  /// The rating labels as a JSON array of strings, in order (`runs.rating_labels`).
  package var ratingLabelsJSON: String
  /// How many rating labels there are (the length of `rating_counts`).
  package var ratingLabelCount: Int
  /// The inputs a record is stored under (`runs.record_fields`).
  package var recordFields: String
  /// The factors and bands, as JSON (`runs.factor_info`), so `explain` can describe a
  /// stored rating after the rule file has changed.
  package var factorInfo: String

  package init(
    name: String, version: String, sha256: String, ratingLabelsJSON: String,
    ratingLabelCount: Int, recordFields: String, factorInfo: String
  ) {
    self.name = name
    self.version = version
    self.sha256 = sha256
    self.ratingLabelsJSON = ratingLabelsJSON
    self.ratingLabelCount = ratingLabelCount
    self.recordFields = recordFields
    self.factorInfo = factorInfo
  }
}
