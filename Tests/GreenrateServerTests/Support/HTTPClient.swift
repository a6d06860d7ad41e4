import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 client on a raw loopback socket: it sends the request target
/// exactly as given (no normalising of `../` or `%00`, as a hostile client would) and
/// reads the whole response (`Connection: close`).
enum HTTPClient {
  struct Response: CustomStringConvertible {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
    var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var description: String { "\(status) \(headers) \(text.prefix(500))" }
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func get(_ port: Int, _ target: String, headers: [String: String] = [:]) throws
    -> Response
  {
    try send(port, method: "GET", target: target, headers: headers)
  }

  static func post(
    _ port: Int, _ target: String, json: String, headers: [String: String] = [:]
  ) throws -> Response {
    try send(port, method: "POST", target: target, headers: headers, body: Data(json.utf8))
  }

  /// Sends one request and reads the response to the end of the connection.
  static func send(
    _ port: Int, method: String, target: String, headers: [String: String] = [:],
    body: Data? = nil
  ) throws -> Response {
    try send(port, method: method, target: target, headers: headers, body: body, pause: nil)
  }

  /// Sends one request in two parts — the head and half the body, then, once `pause`
  /// returns, the rest — and reads the response: a request the server has started
  /// and cannot finish before the client goes on.
  static func send(
    _ port: Int, method: String, target: String, headers: [String: String] = [:],
    body: Data?, pause: (() -> Void)?
  ) throws -> Response {
    signal(SIGPIPE, SIG_IGN)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 60, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    // A server that answers 413 stops reading the body: give up sending after 1 s of
    // no progress and read its answer.
    var sendTimeout = timeval(tv_sec: 1, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw Failure(description: "connect to \(port): errno \(errno)") }
    var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    var fields = headers
    if let body, fields["Content-Length"] == nil, fields["Transfer-Encoding"] == nil {
      fields["Content-Length"] = String(body.count)
      if fields["Content-Type"] == nil { fields["Content-Type"] = "application/json" }
    }
    for (name, value) in fields.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
    head += "\r\n"
    var request = Data(head.utf8)
    if let body { request.append(body) }
    // A server may answer (413) and close before the body is all sent: stop writing
    // then, and read what it said.
    let split = pause == nil ? request.count : request.count - (body?.count ?? 0) / 2
    request.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      var offset = 0
      while offset < raw.count {
        if offset == split, let pause { pause() }
        let end = offset < split ? split : raw.count
        let n = Glibc.send(fd, base + offset, min(1 << 16, end - offset), Int32(MSG_NOSIGNAL))
        if n <= 0 { return }
        offset += n
      }
    }
    var response = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = recv(fd, &buffer, buffer.count, 0)
      if n <= 0 { break }
      response.append(contentsOf: buffer[0..<n])
    }
    return try parse(response)
  }

  static func parse(_ data: Data) throws -> Response {
    let bytes = [UInt8](data)
    let separator: [UInt8] = [13, 10, 13, 10]
    guard
      let end = (0..<max(0, bytes.count - 3)).first(where: {
        Array(bytes[$0..<$0 + 4]) == separator
      })
    else { throw Failure(description: "no complete response head in \(bytes.count) bytes") }
    let head = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
    let statusParts = head[0].split(separator: " ")
    guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
      throw Failure(description: "bad status line \(head[0])")
    }
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    var body = Data(bytes[(end + 4)...])
    if let length = headers["content-length"].flatMap({ Int($0) }), body.count > length {
      body = body.prefix(length)
    }
    return Response(status: status, headers: headers, body: body)
  }
}
