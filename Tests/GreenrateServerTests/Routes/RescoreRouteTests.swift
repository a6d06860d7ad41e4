import Foundation
import Testing

/// `POST /v1/merchants/{id}/rescore` against `greenrate rescore` on twin databases.
@Suite struct RescoreRouteTests {
  @Test func rescoreOverHTTPEqualsTheCommand() throws {
    let viaHTTP = try ServerWorkspace()
    let viaCLI = try ServerWorkspace()
    try viaHTTP.batch(count: 300)
    try viaCLI.batch(count: 300)
    let server = try ServerProcess(["--db", viaHTTP.database])
    let response = try server.post(
      "/v1/merchants/M00000012/rescore",
      #"{"set": {"certifications": ["ISO14001", "CEL"], "electricity_kwh": 5000, "natural_gas_m3": null}, "as_of": "2026-12-01"}"#
    )
    #expect(response.status == 200, "\(response)")
    let cli = try Binaries.greenrate([
      "rescore", "M00000012", "--db", viaCLI.database, "--set", "certifications=ISO14001;CEL",
      "--set", "electricity_kwh=5000", "--set", "natural_gas_m3=", "--as-of", "2026-12-01",
    ])
    #expect(cli.status == 0, "\(cli.stderr)")
    var object = response.object
    #expect(object["run_id"] as? Int == 2)
    object["run_id"] = nil
    let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8))
    #expect(NSDictionary(dictionary: object) == (expected as? NSDictionary))

    // The rescore is the merchant's current rating now, and its stored record.
    let current = try server.get("/v1/merchants/M00000012")
    #expect(current.object["run_id"] as? Int == 2)
    #expect(current.object["rating"] as? String == object["rating"] as? String)
    let again = try server.post("/v1/merchants/M00000012/rescore", "")
    #expect(again.object["score"] as? Double == object["score"] as? Double)
    let runs = try server.get("/v1/runs").json as? [[String: Any]] ?? []
    #expect(runs.map { $0["kind"] as? String } == ["rescore", "rescore", "batch"])
  }

  @Test func badFieldsAndValuesAre400NamingThem() throws {
    let workspace = try ServerWorkspace()
    try workspace.batch(count: 50)
    let server = try ServerProcess(["--db", workspace.database])
    let cases: [(String, String)] = [
      (
        #"{"set": {"electricity_kwhh": 1}}"#,
        #"{"error":"set.electricity_kwhh: the rules (sme-green) have no input of that name; did you mean `electricity_kwh`?"}"#
      ),
      (
        #"{"set": {"electricity_kwh": "lots"}}"#,
        #"{"error":"set.electricity_kwh: \"lots\" is not a number (electricity_kwh: number?)"}"#
      ),
      (#"{"set": {"established_date": "2026-02-30"}}"#, ""),
      (#"{"as_of": "yesterday"}"#, #"{"error":"as_of must be a real date as \"YYYY-MM-DD\""}"#),
      (#"{"sett": {}}"#, #"{"error":"unknown member `sett` (expected set, as_of)"}"#),
      (#"{"set": [1]}"#, #"{"error":"set must be an object of input names and values"}"#),
      (#"[1]"#, #"{"error":"the body must be a JSON object {\"set\": {...}, \"as_of\": ...}"}"#),
      (#"{"set": {"#, #"{"error":"malformed JSON at byte 10: expected a key in double quotes"}"#),
    ]
    for (body, expected) in cases {
      let response = try server.post("/v1/merchants/M00000001/rescore", body)
      #expect(response.status == 400, "\(body) -> \(response)")
      if !expected.isEmpty { #expect(response.text == expected, "\(body)") }
      #expect(response.object["error"] is String)
    }
    let unknown = try server.post("/v1/merchants/NOPE/rescore", "{}")
    #expect(unknown.status == 404)
    #expect(
      unknown.text == #"{"error":"unknown merchant `NOPE`: no run received a record for it"}"#)
    // Nothing was written by any of them.
    #expect((try server.get("/v1/runs").json as? [Any])?.count == 1)
  }

  @Test func aRuntimeErrorInTheRulesIs422WithItsLine() throws {
    let workspace = try ServerWorkspace()
    try workspace.batch(count: 50)
    let rules = workspace.path("div.rules")
    let shipped = try String(contentsOfFile: Binaries.shippedRules, encoding: .utf8)
    let broken = shipped.replacingOccurrences(
      of: "let revenue_10k = max((annual_revenue_cny ?? 0) / 10000, 1)",
      with: "let revenue_10k = (annual_revenue_cny ?? 0) / 10000")
    #expect(broken != shipped)
    try broken.write(toFile: rules, atomically: true, encoding: .utf8)
    let server = try ServerProcess(["--db", workspace.database, "--rules", rules])
    let response = try server.post(
      "/v1/merchants/M00000003/rescore",
      #"{"set": {"annual_revenue_cny": 0, "electricity_kwh": 1000}}"#)
    #expect(response.status == 422, "\(response)")
    #expect(response.object["line"] as? Int == 152)
    #expect(
      (response.object["error"] as? String)?.hasSuffix("div.rules:152:29: division by zero") == true
    )
    // As `greenrate rescore` does, the run records the reject.
    let runs = try server.get("/v1/runs").json as? [[String: Any]] ?? []
    #expect(runs.first?["kind"] as? String == "rescore")
    #expect(runs.first?["records_rejected"] as? Int == 1)
  }
}
