import GreenrateEngine
import GreenrateStore

/// What one pool thread owns: its connection and what it keeps prepared on it. Used only
/// by that thread.
final class PoolSession {
  let store: Store
  /// The merchant route's read, made on first use.
  private(set) lazy var currentRatings = CurrentRatingReader(store: store)

  init(store: Store) { self.store = store }
}
