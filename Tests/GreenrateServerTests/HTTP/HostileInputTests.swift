import Foundation
import Testing

/// What a careless or hostile client sends: always a clear 4xx, never a 5xx, and the
/// server keeps serving.
@Suite struct HostileInputTests {
  @Test func hostileRequestsGet4xxWithAnErrorSentence() throws {
    let shared = try SharedServer.get()
    let server = shared.server
    let longID = String(repeating: "M", count: 10_000)
    let gets = [
      "/v1/merchants/M'; DROP TABLE runs; --", "/v1/merchants/M%27%20OR%20%271%27=%271",
      "/v1/merchants/a%00b", "/v1/merchants/../../etc/passwd", "/v1/merchants/%2E%2E%2F%2E%2E%2F",
      "/v1/merchants/\(longID)", "/v1/merchants/\(longID)/explanation", "/v1/merchants/%ZZ",
      "/v1/merchants/%C3%28", "/v1/merchants/", "/v1/runs?limit=-1",
      "/v1/runs?limit=99999999999999999999999", "/v1/merchants/M00000001/explanation?run=0",
    ]
    for target in gets {
      let response = try server.get(target.replacingOccurrences(of: " ", with: "%20"))
      #expect((400..<500).contains(response.status), "\(target) -> \(response)")
      #expect(response.object["error"] is String, "\(target)")
      #expect(response.header("Greenrate-Ruleset") == shared.header)
    }
    let posts: [(String, String)] = [
      ("/v1/score", "{"), ("/v1/score", "not json"), ("/v1/score", #"{"records": "x"}"#),
      ("/v1/score", #"{"records": [], "extra": 1}"#),
      ("/v1/score", #"{"records": [], "as_of": 5}"#),
      ("/v1/score", "[]"), ("/v1/score", #"{"records": [{"a": "\ud800"}]"#),
      ("/v1/score", String(repeating: "[", count: 5000)),
      ("/v1/merchants/M00000001/rescore", #"{"set": {"employees": true}}"#),
      ("/v1/merchants/M00000001/rescore", #"{"set": {"certifications": "ISO14001"}}"#),
      ("/v1/merchants/M00000001/rescore", #"{"set": {"merchant_id": "M2"}}"#),
      ("/v1/merchants/M00000001/rescore", #"{"unknown": 1}"#),
      ("/v1/merchants/\(longID)/rescore", "{}"),
    ]
    for (target, body) in posts {
      let response = try server.post(target, body)
      #expect((400..<500).contains(response.status), "\(target) \(body.prefix(40)) -> \(response)")
      #expect(response.object["error"] is String, "\(target) \(body.prefix(40))")
    }
    // Invalid UTF-8 inside a string.
    let invalid = try HTTPClient.send(
      server.port, method: "POST", target: "/v1/score",
      body: Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]))
    #expect(invalid.status == 400)
    #expect(try server.get("/healthz").status == 200)
  }

  @Test func bodiesOver16MiBGet413() throws {
    let shared = try SharedServer.get()
    let big = Data(repeating: UInt8(ascii: "a"), count: 20 << 20)
    let declared = try HTTPClient.send(
      shared.server.port, method: "POST", target: "/v1/score", body: big)
    #expect(declared.status == 413)
    #expect(declared.text == #"{"error":"the request body is over 16 MiB"}"#)
    // Without a length up front (chunked), the server stops reading at 16 MiB.
    var chunked = Data()
    let piece = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<20 {
      chunked.append(Data("100000\r\n".utf8))
      chunked.append(piece)
      chunked.append(Data("\r\n".utf8))
    }
    chunked.append(Data("0\r\n\r\n".utf8))
    let streamed = try HTTPClient.send(
      shared.server.port, method: "POST", target: "/v1/score",
      headers: ["Transfer-Encoding": "chunked", "Content-Type": "application/json"], body: chunked)
    #expect(streamed.status == 413)
    #expect(try shared.server.get("/healthz").status == 200)
  }

  @Test func aTokenGuardsEveryRouteButHealthz() throws {
    let shared = try SharedServer.get()
    let tokenFile = shared.workspace.path("token-\(UUID().uuidString)")
    try "s3cret-token\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
    let server = try ServerProcess(["--db", shared.workspace.database, "--token-file", tokenFile])
    #expect(try server.get("/healthz").status == 200)
    let none = try server.get("/v1/rules")
    #expect(none.status == 401)
    #expect(none.text == #"{"error":"this route needs the header Authorization: Bearer <token>"}"#)
    #expect(none.header("WWW-Authenticate") == "Bearer")
    #expect(
      try server.get("/v1/rules", headers: ["Authorization": "Bearer s3cret-tokeX"]).status == 401)
    #expect(try server.get("/v1/rules", headers: ["Authorization": "Bearer s3cret"]).status == 401)
    #expect(try server.get("/metrics", headers: ["Authorization": "s3cret-token"]).status == 401)
    let ok = try server.get("/v1/rules", headers: ["Authorization": "Bearer s3cret-token"])
    #expect(ok.status == 200)
  }
}
