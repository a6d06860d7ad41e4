import NIOConcurrencyHelpers

/// The rules now in force and the outcome of the last reload, swapped atomically.
///
/// A request reads `current` once, at its start, and uses that value to the end, so a
/// reload never changes the rules under a running request.
final class RuleBook: Sendable {
  private struct State {
    var current: LoadedRules
    var lastReloadError: String?
  }

  private let state: NIOLockedValueBox<State>

  init(_ rules: LoadedRules) {
    state = NIOLockedValueBox(State(current: rules, lastReloadError: nil))
  }

  var current: LoadedRules { state.withLockedValue { $0.current } }

  /// The last failed reload's errors (cleared by a successful one).
  var lastReloadError: String? { state.withLockedValue { $0.lastReloadError } }

  func install(_ rules: LoadedRules) {
    state.withLockedValue {
      $0.current = rules
      $0.lastReloadError = nil
    }
  }

  func recordFailure(_ message: String) {
    state.withLockedValue { $0.lastReloadError = message }
  }

  func clearFailure() {
    state.withLockedValue { $0.lastReloadError = nil }
  }
}
