import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGINT and SIGTERM turned into a request to stop, for as long as a batch runs: the
/// batch stops at its next chunk boundary, commits and says how to resume, instead of
/// dying between two commits with no word.
///
/// The first signal is recorded and the default action restored, so a second one
/// ends the process at once (still safe: every commit is whole).
package final class StopSignals: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private var caught: Int32?
  private var sources: [DispatchSourceSignal] = []
  private let queue = DispatchQueue(label: "greenrate.signals")

  /// Starts catching SIGINT and SIGTERM.
  package init() {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { [weak self] in self?.received(number) }
      source.resume()
      sources.append(source)
    }
  }

  /// The signal received, if any.
  package var received: Int32? {
    lock.wait()
    defer { lock.signal() }
    return caught
  }

  /// Stops catching: the default actions apply again.
  package func uninstall() {
    for source in sources { source.cancel() }
    sources = []
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }

  private func received(_ number: Int32) {
    lock.wait()
    if caught == nil { caught = number }
    lock.signal()
    signal(number, SIG_DFL)
  }

  /// `SIGINT` / `SIGTERM` by name.
  package static func name(_ number: Int32) -> String {
    switch number {
    case SIGINT: return "SIGINT"
    case SIGTERM: return "SIGTERM"
    default: return "signal \(number)"
    }
  }
}
