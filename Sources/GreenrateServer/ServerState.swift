import Hummingbird
import Logging
import NIOConcurrencyHelpers

/// What every request shares: the database pool, the rule book, metrics, the OpenAPI
/// document and the token.
final class ServerState: Sendable {
  let pool: DatabasePool
  let book: RuleBook
  let metrics: ServerMetrics
  let openAPI: [UInt8]
  let token: [UInt8]?
  let logger: Logger
  let databasePath: String
  private let activity = NIOLockedValueBox<(inFlight: Int, stopping: Bool)>((0, false))

  init(
    pool: DatabasePool, book: RuleBook, metrics: ServerMetrics, openAPI: [UInt8],
    token: [UInt8]?, logger: Logger, databasePath: String
  ) {
    self.pool = pool
    self.book = book
    self.metrics = metrics
    self.openAPI = openAPI
    self.token = token
    self.logger = logger
    self.databasePath = databasePath
  }

  /// Counts a request in; false once the server is stopping (the request gets 503).
  func enter() -> Bool {
    activity.withLockedValue {
      $0.inFlight += 1
      return !$0.stopping
    }
  }

  func leave() { activity.withLockedValue { $0.inFlight -= 1 } }

  var requestsInFlight: Int { activity.withLockedValue { $0.inFlight } }

  func beginStopping() { activity.withLockedValue { $0.stopping = true } }

  /// Checks `Authorization: Bearer TOKEN` when the server has a token.
  func authorize(_ request: Request) throws(APIError) {
    guard let token else { return }
    let given = Array((request.headers[.authorization] ?? "").utf8)
    let prefix = Array("Bearer ".utf8)
    guard given.count > prefix.count, Array(given[..<prefix.count]) == prefix,
      ServerState.constantTimeEqual(Array(given[prefix.count...]), token)
    else {
      throw APIError(.unauthorized, "this route needs the header Authorization: Bearer <token>")
    }
  }

  /// Compares without stopping at the first difference, so the time taken tells nothing
  /// about how much of a guess was right (only the length, which is not secret enough
  /// to matter for a random token).
  static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var difference = UInt8(a.count == b.count ? 0 : 1)
    let n = max(a.count, b.count)
    for i in 0..<n {
      let x = i < a.count ? a[i] : 0
      let y = i < b.count ? b[i] : 0
      difference |= x ^ y
    }
    return difference == 0
  }
}
