import Foundation
import Testing

/// The read routes on a real server over a real batch, each answer compared with what
/// the command line prints for the same thing.
@Suite struct ReadRoutesTests {
  @Test func merchantIsTheScoreObjectPlusRunAndAsOf() throws {
    let shared = try SharedServer.get()
    let response = try shared.server.get("/v1/merchants/M00000042")
    #expect(response.status == 200, "\(response)")
    #expect(response.header("Content-Type") == "application/json")
    #expect(response.header("Greenrate-Ruleset") == shared.header)
    var object = response.object
    #expect(object["run_id"] as? Int == 1)
    #expect(object["as_of"] as? String == "2026-11-30")
    object["run_id"] = nil
    object["as_of"] = nil
    // The same record through `greenrate score` on the same day.
    let lines = try String(contentsOfFile: shared.input, encoding: .utf8).split(separator: "\n")
    let csv = shared.workspace.path("one-\(UUID().uuidString).csv")
    try (lines[0] + "\n" + lines[42] + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
    let scored = try Binaries.greenrate([
      "score", Binaries.shippedRules, "--input", csv, "--as-of", "2026-11-30",
    ])
    let expected = try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8))
    #expect(NSDictionary(dictionary: object) == (expected as? NSDictionary))
  }

  @Test func unknownMerchantIs404WithOneSentence() throws {
    let shared = try SharedServer.get()
    let response = try shared.server.get("/v1/merchants/NOPE")
    #expect(response.status == 404)
    #expect(response.text == #"{"error":"unknown merchant `NOPE`: no completed run rated it"}"#)
    #expect(response.header("Greenrate-Ruleset") == shared.header)
  }

  @Test func explanationIsWhatExplainJSONPrints() throws {
    let shared = try SharedServer.get()
    let response = try shared.server.get("/v1/merchants/M00000007/explanation")
    #expect(response.status == 200)
    let cli = try Binaries.greenrate([
      "explain", "M00000007", "--db", shared.workspace.database, "--json",
    ])
    #expect(response.text + "\n" == cli.stdout)
    let byRun = try shared.server.get("/v1/merchants/M00000007/explanation?run=1")
    #expect(byRun.text == response.text)

    let noRun = try shared.server.get("/v1/merchants/M00000007/explanation?run=99")
    #expect(noRun.status == 404)
    #expect(noRun.text == #"{"error":"no run 99 in the database"}"#)
    let badRun = try shared.server.get("/v1/merchants/M00000007/explanation?run=abc")
    #expect(badRun.status == 400)
    #expect(badRun.text == #"{"error":"run must be a run id (an integer, 1 or more)"}"#)
    let unknown = try shared.server.get("/v1/merchants/NOPE/explanation")
    #expect(unknown.status == 404)
    #expect(unknown.text == #"{"error":"unknown merchant `NOPE`: no completed run rated it"}"#)
  }

  @Test func runsIsWhatRunsJSONPrints() throws {
    let shared = try SharedServer.get()
    let response = try shared.server.get("/v1/runs")
    #expect(response.status == 200)
    let cli = try Binaries.greenrate(["runs", "--db", shared.workspace.database, "--json"])
    #expect(response.text + "\n" == cli.stdout)
    #expect((response.json as? [Any])?.count == 1)
    let bad = try shared.server.get("/v1/runs?limit=0")
    #expect(bad.status == 400)
    #expect(bad.text == #"{"error":"limit must be an integer, 1 or more"}"#)
  }

  @Test func rulesNameTheLoadedSetAndItsInputs() throws {
    let shared = try SharedServer.get()
    let response = try shared.server.get("/v1/rules")
    #expect(response.status == 200)
    let object = response.object
    #expect(object["name"] as? String == "sme-green")
    #expect(object["version"] as? String == "2026.1")
    #expect("sme-green 2026.1 \(object["sha256"] as? String ?? "")" == shared.header)
    #expect((object["path"] as? String)?.hasSuffix("Rules/sme-green.rules") == true)
    let inputs = object["inputs"] as? [[String: Any]] ?? []
    #expect(inputs.first?["name"] as? String == "merchant_id")
    #expect(inputs.first?["type"] as? String == "text")
    #expect(
      inputs.contains { $0["name"] as? String == "employees" && $0["type"] as? String == "number?" }
    )
  }

  @Test func healthReadinessAndMetrics() throws {
    let shared = try SharedServer.get()
    let health = try shared.server.get("/healthz")
    #expect(health.status == 200)
    #expect(health.text == #"{"status":"ok"}"#)
    let ready = try shared.server.get("/readyz")
    #expect(ready.status == 200)
    #expect(ready.object["status"] as? String == "ready")
    #expect(ready.object["last_reload_error"] is NSNull)
    _ = try shared.server.get("/v1/merchants/NOPE")
    let metrics = try shared.server.get("/metrics")
    #expect(metrics.status == 200)
    #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
    let text = metrics.text
    #expect(
      text.contains(
        #"greenrate_http_requests_total{route="/v1/merchants/{id}",method="GET",status="404"}"#))
    #expect(text.contains("greenrate_http_request_duration_seconds_bucket"))
    #expect(text.contains("greenrate_rule_reload_failures_total 0"))
    let sha = shared.header.split(separator: " ").last ?? ""
    #expect(text.contains(#"sha256="\#(sha)""#))
  }

  @Test func unknownRoutes404AndWrongMethods405() throws {
    let shared = try SharedServer.get()
    let missing = try shared.server.get("/v2/nothing")
    #expect(missing.status == 404)
    #expect(missing.text == #"{"error":"no route /v2/nothing"}"#)
    #expect(missing.header("Greenrate-Ruleset") == shared.header)
    let wrong = try shared.server.post("/v1/runs", "{}")
    #expect(wrong.status == 405)
    #expect(wrong.header("Allow") == "GET")
    #expect(wrong.text == #"{"error":"/v1/runs takes GET, not POST"}"#)
    let wrongRescore = try shared.server.get("/v1/merchants/M00000001/rescore")
    #expect(wrongRescore.status == 405)
    #expect(wrongRescore.header("Allow") == "POST")
  }

  @Test func scoreIsWhatIfWithPerRecordErrors() throws {
    let shared = try SharedServer.get()
    let body = """
      {"as_of": "2026-11-30", "records": [
        {"merchant_id": "W1", "industry_code": "F5212", "province": "Zhejiang",
         "established_date": "2010-01-01", "employees": 4, "annual_revenue_cny": 1000000,
         "electricity_kwh": 10000, "has_rooftop_pv": true, "e_invoice_ratio": 0.95,
         "digital_payment_share": 0.97, "paperless_ordering": true, "green_packaging_ratio": 0.8,
         "env_penalties_3y": 0, "pollution_permit": "not_required",
         "certifications": ["ISO14001", "CEL"], "overdue_count_12m": 0, "max_overdue_days_24m": 0,
         "on_dishonest_list": false},
        {"merchant_id": "W2", "employees": "many"},
        7
      ]}
      """
    let response = try shared.server.post("/v1/score", body)
    #expect(response.status == 200, "\(response)")
    let results = response.object["results"] as? [[String: Any]] ?? []
    #expect(results.count == 3)
    #expect(results.first?["merchant_id"] as? String == "W1")
    #expect(results.first?["rating"] as? String == "dark_green")
    #expect(results[1]["index"] as? Int == 1)
    #expect(
      (results[1]["error"] as? String)?.contains(#"field "employees": "many" is not a number"#)
        == true)
    #expect(results[2]["index"] as? Int == 2)
    // Nothing written: still one run.
    #expect((try shared.server.get("/v1/runs").json as? [Any])?.count == 1)

    let empty = try shared.server.post("/v1/score", #"{"records": []}"#)
    #expect(empty.text == #"{"results":[]}"#)
    let missing = try shared.server.post("/v1/score", "{}")
    #expect(missing.status == 400)
    #expect(missing.text == #"{"error":"records is missing"}"#)
    let many =
      "{\"records\": [" + Array(repeating: "{}", count: 10_001).joined(separator: ",") + "]}"
    let tooMany = try shared.server.post("/v1/score", many)
    #expect(tooMany.status == 400)
    #expect(tooMany.text == #"{"error":"10001 records is over the limit of 10000 per request"}"#)
  }
}
