/// Which ratings `greenrate export` writes.
package enum ExportSelection: Sendable, Equatable {
  /// Every rating of one run, in the order the run stored them (input order).
  case run(Int64)
  /// Each merchant's current rating: the `current_ratings` view.
  case current
}
