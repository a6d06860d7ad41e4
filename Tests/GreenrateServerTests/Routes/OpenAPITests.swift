import Foundation
import GreenrateServer
import Testing

/// The OpenAPI document in the repository and the router agree, both ways.
@Suite struct OpenAPITests {
  var document: [String: Any] {
    get throws {
      let url = Binaries.packageRoot.appendingPathComponent(
        "Sources/GreenrateServer/Resources/openapi.json")
      return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }
  }

  @Test func everyRouteIsInTheDocumentAndViceVersa() throws {
    let paths = try document["paths"] as? [String: [String: Any]] ?? [:]
    var documented: Set<String> = []
    for (path, item) in paths {
      for method in item.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
        documented.insert("\(method.uppercased()) \(path)")
      }
    }
    let routed = Set(Route.allCases.map { "\($0.method) \($0.template)" })
    #expect(routed == documented)
    #expect(try document["openapi"] as? String == "3.1.0")
  }

  @Test func theServerServesTheDocumentAsItIs() throws {
    let shared = try SharedServer.get()
    let served = try shared.server.get("/openapi.json")
    #expect(served.status == 200)
    let url = Binaries.packageRoot.appendingPathComponent(
      "Sources/GreenrateServer/Resources/openapi.json")
    #expect(served.body == (try Data(contentsOf: url)))
  }
}
