import Foundation
import GreenrateEngine
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `greenrate-server`: the database and the compiled rules over HTTP.
package enum GreenrateServer {
  /// Starts serving and returns after a graceful stop (SIGTERM or SIGINT: no new
  /// connections, requests in flight finished, at most 10 s).
  ///
  /// Throws `ServerError` when it cannot start: no database, no rule file, rules that
  /// do not compile or whose cases fail (each error logged first), an unreadable token.
  package static func run(_ configuration: ServerConfiguration) async throws {
    let sink = LogSink()
    defer { sink.flush() }
    var baseLogger = Logger(label: "greenrate-server") { SinkLogHandler(label: $0, sink: sink) }
    baseLogger.logLevel = configuration.logLevel
    let logger = baseLogger
    let token = try configuration.tokenFile.map(readToken)
    let pool = try DatabasePool(path: configuration.databasePath, readers: configuration.readers)
    defer { pool.shutdown() }
    var rulesPath = configuration.rulesPath ?? ""
    if configuration.rulesPath == nil { rulesPath = try await recordedRules(pool) }
    let loader = RuleLoader(
      path: absolute(rulesPath), casePaths: configuration.casePaths.map(absolute))
    let rules: LoadedRules
    switch loader.load() {
    case .loaded(let loaded): rules = loaded
    case .failed(let lines):
      for line in lines { logger.error("\(line)") }
      throw ServerError("the rules `\(rulesPath)` do not load (errors above)")
    }
    let metrics = ServerMetrics(rules: rules)
    let book = RuleBook(rules)
    let state = ServerState(
      pool: pool, book: book, metrics: metrics, openAPI: try openAPIDocument(), token: token,
      logger: logger, databasePath: configuration.databasePath)
    var frameworkLogger = logger
    frameworkLogger.logLevel = .warning
    let host = configuration.host
    let application = Application(
      responder: ServerResponder(state: state),
      configuration: .init(
        address: .hostname(host, port: configuration.port), serverName: nil),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? configuration.port
        logger.info(
          "listening on http://\(host):\(port)",
          metadata: [
            "db": "\(configuration.databasePath)", "rules": "\(rules.path)",
            "ruleset": "\(rules.header)", "readers": "\(pool.readers)",
          ])
      },
      logger: frameworkLogger)
    let watcher = RuleWatcher(loader: loader, book: book, metrics: metrics, logger: logger)
    let stopper = ShutdownCoordinator(state: state, logger: logger)
    var group = ServiceGroupConfiguration(
      services: [
        .init(service: application),
        .init(service: watcher),
        .init(service: stopper),
      ],
      logger: frameworkLogger)
    // The signals go to `stopper`, which drains requests (≤ 8 s) before this starts.
    group.maximumGracefulShutdownDuration = .seconds(2)
    group.maximumCancellationDuration = .seconds(2)
    let services = ServiceGroup(configuration: group)
    stopper.attach(services)
    try await services.run()
    logger.info("stopped")
  }

  /// The token: the file's first line, without its line end.
  static func readToken(_ path: String) throws -> [UInt8] {
    guard let bytes = System.readFile(path) else {
      throw ServerError("cannot read the token file `\(path)`")
    }
    let line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
    guard !line.isEmpty else {
      throw ServerError("the token file `\(path)` has an empty first line")
    }
    return Array(line)
  }

  /// The rule file recorded by the latest completed batch run.
  static func recordedRules(_ pool: DatabasePool) async throws -> String {
    let runs = try await pool.read { store in try store.runs() }
    guard let run = runs.last(where: { $0.kind == .batch && $0.status == .completed }),
      !run.rulesPath.isEmpty
    else {
      throw ServerError(
        "no completed batch run in the database records a rule file; give one with --rules RULES")
    }
    return run.rulesPath
  }

  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent(path).standardized.path
  }

  /// The OpenAPI document shipped as a resource, served byte for byte.
  static func openAPIDocument() throws -> [UInt8] {
    guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
      let data = try? Data(contentsOf: url)
    else { throw ServerError("the OpenAPI document is missing from the build") }
    return [UInt8](data)
  }
}
