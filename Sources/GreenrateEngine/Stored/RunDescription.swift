/// A run's stored rule-set description: its inputs and its factors' bands.
package struct RunDescription: Sendable {
  /// The inputs the run stored records under.
  package var fields: [StoredField]
  /// The factors as the run's `factor_info` has them (bands in file order).
  package var factors: [StoredRating.Factor]
}
