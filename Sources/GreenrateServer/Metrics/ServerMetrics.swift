import Metrics
import NIOConcurrencyHelpers
import Prometheus

/// The server's metrics, recorded through swift-metrics into a Prometheus registry of
/// its own (no process-wide bootstrap), and rendered by `GET /metrics`.
final class ServerMetrics: Sendable {
  private let registry = PrometheusCollectorRegistry()
  private let factory: PrometheusMetricsFactory
  /// Handles per route and status, made once each (a registry lookup per request would
  /// take a lock and build label arrays every time).
  private let requestCounters = NIOLockedValueBox<[String: Metrics.Counter]>([:])
  private let latencies = NIOLockedValueBox<[String: Metrics.Timer]>([:])
  private let rescores: [Bool: Metrics.Counter]
  private let reloads: Metrics.Counter
  private let reloadFailures: Metrics.Counter
  private let info = NIOLockedValueBox<Metrics.Gauge?>(nil)
  private let inFlight: Metrics.Gauge

  init(rules: LoadedRules) {
    var factory = PrometheusMetricsFactory(registry: registry)
    // Request latencies are sub-millisecond to seconds.
    factory.defaultDurationHistogramBuckets = [
      .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
      .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]
    self.factory = factory
    rescores = [
      true: Metrics.Counter(
        label: "greenrate_rescores_total", dimensions: [("outcome", "scored")], factory: factory),
      false: Metrics.Counter(
        label: "greenrate_rescores_total", dimensions: [("outcome", "rejected")], factory: factory),
    ]
    reloads = Metrics.Counter(label: "greenrate_rule_reloads_total", factory: factory)
    reloadFailures = Metrics.Counter(
      label: "greenrate_rule_reload_failures_total", factory: factory)
    inFlight = Metrics.Gauge(label: "greenrate_http_requests_in_flight", factory: factory)
    showInfo(rules)
  }

  /// One answered request: counted by route, method and status; timed by route.
  func request(route: String, method: String, status: Int, nanoseconds: Int64) {
    let key = "\(method) \(route) \(status)"
    let counter = requestCounters.withLockedValue { counters in
      if let c = counters[key] { return c }
      let c = Metrics.Counter(
        label: "greenrate_http_requests_total",
        dimensions: [("route", route), ("method", method), ("status", String(status))],
        factory: factory)
      counters[key] = c
      return c
    }
    counter.increment()
    let timerKey = "\(method) \(route)"
    let timer = latencies.withLockedValue { timers in
      if let t = timers[timerKey] { return t }
      let t = Metrics.Timer(
        label: "greenrate_http_request_duration_seconds",
        dimensions: [("route", route), ("method", method)], factory: factory)
      timers[timerKey] = t
      return t
    }
    timer.recordNanoseconds(nanoseconds)
  }

  func rescored(scored: Bool) { rescores[scored]?.increment() }

  func reloaded(to rules: LoadedRules, from old: LoadedRules) {
    reloads.increment()
    showInfo(rules)
  }

  func reloadFailed() { reloadFailures.increment() }

  /// `greenrate_ruleset_info{name,version,sha256} 1` for the rules in force only.
  private func showInfo(_ rules: LoadedRules) {
    let gauge = Metrics.Gauge(
      label: "greenrate_ruleset_info",
      dimensions: [
        ("name", rules.program.name), ("version", rules.program.version),
        ("sha256", rules.program.sha256),
      ], factory: factory)
    gauge.record(1)
    info.withLockedValue { old in
      old?.destroy()
      old = gauge
    }
  }

  /// The Prometheus text exposition; `requestsInFlight` are the other requests being
  /// answered now.
  func render(requestsInFlight: Int) -> [UInt8] {
    inFlight.record(requestsInFlight)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(8192)
    registry.emit(into: &buffer)
    return buffer
  }
}
