import Foundation
import Testing

/// SIGTERM: requests in flight finish, then the process exits 0.
@Suite struct ShutdownTests {
  @Test func requestsInFlightCompleteOnSIGTERM() throws {
    let workspace = try ServerWorkspace()
    try workspace.batch(count: 20)
    let server = try ServerProcess(["--db", workspace.database])
    let record =
      #"{"merchant_id": "X", "industry_code": "F5212", "province": "Zhejiang", "established_date": "2010-01-01", "env_penalties_3y": 0, "pollution_permit": "key", "certifications": [], "overdue_count_12m": 0, "on_dishonest_list": false}"#
    var records: [String] = []
    for i in 0..<2_000 {
      records.append(record.replacingOccurrences(of: #""X""#, with: "\"X\(i)\""))
    }
    let body = Data(("{\"records\": [" + records.joined(separator: ",") + "]}").utf8)
    // Four what-if requests, each stopped half-way through its body: in flight for
    // certain, until the signal has been sent.
    let results = Results()
    let group = DispatchGroup()
    let signalled = DispatchSemaphore(value: 0)
    let port = server.port
    for _ in 0..<4 {
      group.enter()
      DispatchQueue.global().async {
        defer { group.leave() }
        results.add(
          try? HTTPClient.send(
            port, method: "POST", target: "/v1/score", body: body,
            pause: {
              signalled.wait()
              signalled.signal()
            }))
      }
    }
    let deadline = Date().addingTimeInterval(30)
    var allInFlight = false
    while Date() < deadline, !allInFlight {
      allInFlight = try server.get("/metrics").text.contains(
        "greenrate_http_requests_in_flight 4.0")
      if !allInFlight { Thread.sleep(forTimeInterval: 0.01) }
    }
    #expect(allInFlight, "the four requests were never in flight together")
    server.running.process.terminate()
    // Until the server has taken the signal (it logs that it is stopping).
    while Date() < deadline, !server.log.contains("stopping") {
      Thread.sleep(forTimeInterval: 0.01)
    }
    signalled.signal()
    group.wait()
    let status = server.stop()
    #expect(status == 0, "\(server.log.suffix(500))")
    let all = results.values
    #expect(all.count == 4)
    #expect(all.allSatisfy { $0?.status == 200 }, "\(all.map { $0?.status ?? -1 })")
    #expect(
      all.allSatisfy { ($0?.object["results"] as? [Any])?.count == 2_000 },
      "\(all.map { ($0?.text ?? "").prefix(300) })")
    #expect(server.log.contains("stopped"))
    // Requests after the signal are refused, not left hanging.
    #expect(server.log.contains("stopping"))
  }
}
