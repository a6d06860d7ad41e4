import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import UnixSignals

/// Turns SIGTERM / SIGINT into a graceful stop that loses no response.
///
/// Hummingbird's own graceful shutdown closes a busy connection right after queueing
/// the last response, which cuts off a large body still in the socket buffer (seen: a
/// 4 MB /v1/score answer truncated). So the signal is handled here first: requests that
/// arrive from then on get 503, the ones in flight run to the end (at most 8 s), the last
/// bytes get a moment to leave, and only then is the service group asked to stop (the
/// listener closes, idle connections close; at most 2 s more).
final class ShutdownCoordinator: Service, Sendable {
  let state: ServerState
  let logger: Logger
  private let group = NIOLockedValueBox<ServiceGroup?>(nil)

  init(state: ServerState, logger: Logger) {
    self.state = state
    self.logger = logger
  }

  func attach(_ group: ServiceGroup) { self.group.withLockedValue { $0 = group } }

  func run() async throws {
    let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
    await cancelWhenGracefulShutdown {
      var iterator = signals.makeAsyncIterator()
      guard let signal = await iterator.next() else { return }
      self.logger.info("stopping", metadata: ["signal": "\(signal)"])
      self.state.beginStopping()
      let clock = ContinuousClock()
      let deadline = clock.now + .seconds(8)
      while self.state.requestsInFlight > 0, clock.now < deadline {
        try? await Task.sleep(for: .milliseconds(10))
      }
      try? await Task.sleep(for: .milliseconds(250))
      await self.group.withLockedValue { $0 }?.triggerGracefulShutdown()
    }
  }
}
