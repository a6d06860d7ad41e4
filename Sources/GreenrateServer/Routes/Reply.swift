import Hummingbird

/// What a route answers before the common headers are added.
struct Reply {
  var status: HTTPResponse.Status = .ok
  var body: [UInt8]
  var contentType = "application/json"
  /// The `Allow` header of a 405.
  var allow: String?

  init(_ body: [UInt8], status: HTTPResponse.Status = .ok) {
    self.body = body
    self.status = status
  }

  init(_ error: APIError) {
    body = error.body
    status = error.status
  }
}
