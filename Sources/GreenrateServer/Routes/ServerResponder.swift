import GreenrateEngine
import GreenrateReaders
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Answers every request: routes it (404, 405), checks the bearer token (401) and the
/// body size (413), runs the route with the rules in force when the request arrived,
/// and adds `Greenrate-Ruleset`; then logs one line and records metrics.
struct ServerResponder: HTTPResponder {
  typealias Context = ServerContext

  let state: ServerState

  static let rulesetHeader = HTTPField.Name("Greenrate-Ruleset")!
  /// Largest request body read (16 MiB); larger ones get 413.
  static let maxBodyBytes = 16 << 20

  func respond(to request: Request, context: ServerContext) async throws -> Response {
    let started = ContinuousClock.now
    // The rules for this whole request, whatever a reload does meanwhile.
    let rules = state.book.current
    let accepted = state.enter()
    defer { state.leave() }
    var routeName = "unmatched"
    var reply: Reply
    do {
      let target = try RequestTarget(request.head.path ?? "/")
      guard let (route, id) = Route.match(target.segments) else {
        throw APIError(.notFound, "no route \(String(request.head.path?.prefix(200) ?? "/"))")
      }
      routeName = route.template
      guard request.method == route.httpMethod else {
        var error = APIError(
          .methodNotAllowed,
          "\(route.template) takes \(route.method), not \(request.method.rawValue)")
        error.allow = [route.httpMethod]
        throw error
      }
      if route != .healthz { try state.authorize(request) }
      guard accepted else { throw APIError(.serviceUnavailable, "the server is stopping") }
      reply = try await handle(route, id: id, target: target, request: request, rules: rules)
    } catch let error as APIError {
      reply = Reply(error)
      if !error.allow.isEmpty { reply.allow = error.allow.map(\.rawValue).joined(separator: ", ") }
    } catch let error as ReaderError {
      reply = Reply(APIError(.badRequest, error.message))
    } catch let error as NIOTooManyBytesError {
      _ = error
      reply = Reply(APIError(.contentTooLarge, "the request body is over 16 MiB"))
    } catch {
      reply = Reply(APIError(.internalServerError, "the request failed: \(error)"))
    }
    var headers = HTTPFields()
    headers[.contentType] = reply.contentType
    headers[ServerResponder.rulesetHeader] = rules.header
    if let allow = reply.allow { headers[.allow] = allow }
    if reply.status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
    let elapsed = ContinuousClock.now - started
    let nanoseconds =
      elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    state.metrics.request(
      route: routeName, method: request.method.rawValue, status: reply.status.code,
      nanoseconds: nanoseconds)
    state.logger.info(
      "\(SinkLogHandler.requestMessage)",
      metadata: [
        "method": "\(request.method.rawValue)", "route": "\(routeName)",
        "status": "\(reply.status.code)",
        "ms": "\(Double(nanoseconds / 1000) / 1000)", "ruleset": "\(rules.shortSHA)",
      ])
    return Response(
      status: reply.status, headers: headers,
      body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
  }

  private func handle(
    _ route: Route, id: String?, target: RequestTarget, request: Request, rules: LoadedRules
  ) async throws -> Reply {
    switch route {
    case .merchant: return try await merchant(id ?? "", rules: rules)
    case .explanation: return try await explanation(id ?? "", target: target)
    case .rescore:
      return try await rescore(id ?? "", body: try await body(of: request), rules: rules)
    case .score:
      let body = try await body(of: request)
      return try await ServerResponder.offCooperativePool { try score(body: body, rules: rules) }
    case .runs: return try await runs(target)
    case .rules: return self.rules(rules)
    case .healthz: return Reply(Array(#"{"status":"ok"}"#.utf8))
    case .readyz: return await readiness()
    case .metrics:
      var reply = Reply(state.metrics.render(requestsInFlight: state.requestsInFlight - 1))
      reply.contentType = "text/plain; version=0.0.4; charset=utf-8"
      return reply
    case .openapi: return Reply(state.openAPI)
    }
  }

  /// The whole body, refused over 16 MiB (by its declared length first, so a huge
  /// upload is not read at all).
  private func body(of request: Request) async throws -> [UInt8] {
    if let length = request.headers[.contentLength].flatMap({ Int($0) }),
      length > ServerResponder.maxBodyBytes
    {
      throw APIError(.contentTooLarge, "the request body is over 16 MiB")
    }
    var buffer = try await request.body.collect(upTo: ServerResponder.maxBodyBytes)
    return buffer.readBytes(length: buffer.readableBytes) ?? []
  }
}
