import Foundation
import Testing

/// The rule file edited under a running server.
@Suite struct HotReloadTests {
  /// Writes `text` as a new file renamed over `path` (what most editors do), so the
  /// poll never sees half a file.
  func save(_ text: String, to path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// Polls until `condition` holds (the server polls the file every second).
  func eventually(_ seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return true }
      Thread.sleep(forTimeInterval: 0.1)
    }
    return try condition()
  }

  @Test func validBrokenFixedAndFailingCases() throws {
    let workspace = try ServerWorkspace()
    try workspace.batch(count: 100)
    let rules = try workspace.copyRules()
    let shipped = try String(contentsOfFile: rules, encoding: .utf8)
    let server = try ServerProcess([
      "--db", workspace.database, "--rules", rules, "--cases", Binaries.shippedCases,
    ])
    func header() throws -> String { try server.get("/v1/rules").header("Greenrate-Ruleset") ?? "" }
    #expect(try header().hasPrefix("sme-green 2026.1 "))

    // A valid change: the new fingerprint on the next requests.
    try save(
      shipped.replacingOccurrences(of: #"version "2026.1""#, with: #"version "2026.2""#), to: rules)
    #expect(try eventually { try header().hasPrefix("sme-green 2026.2 ") })
    let second = try header()

    // Broken: the old rules stay, /readyz names the error, /metrics counts it.
    try save(shipped + "\nfactor broken {\n", to: rules)
    #expect(
      try eventually {
        (try server.get("/readyz").object["last_reload_error"] as? String)?.contains("error")
          == true
      })
    let ready = try server.get("/readyz")
    #expect(ready.status == 200)
    #expect(try header() == second)
    #expect(try server.get("/v1/merchants/M00000001").status == 200)
    #expect(try server.get("/metrics").text.contains("greenrate_rule_reload_failures_total 1"))
    #expect(server.log.contains("rule reload failed"))

    // Fixed: switched again, the error cleared.
    try save(
      shipped.replacingOccurrences(of: #"version "2026.1""#, with: #"version "2026.3""#), to: rules)
    #expect(try eventually { try header().hasPrefix("sme-green 2026.3 ") })
    #expect(try server.get("/readyz").object["last_reload_error"] is NSNull)
    #expect(try server.get("/metrics").text.contains("greenrate_rule_reloads_total 2"))

    // Compiles but fails its cases: not switched to.
    let failing = shipped.replacingOccurrences(of: #"version "2026.1""#, with: #"version "2026.4""#)
      .replacingOccurrences(
        of: #"when score >= 80 and not two_high => "dark_green""#,
        with: #"when score >= 99 and not two_high => "dark_green""#)
    #expect(failing.contains("score >= 99"))
    try save(failing, to: rules)
    #expect(
      try eventually {
        (try server.get("/readyz").object["last_reload_error"] as? String)?.contains("failed")
          == true
      })
    #expect(try header().hasPrefix("sme-green 2026.3 "))
  }

  @Test func twoHundredConcurrentRequestsDuringAReloadAllSucceed() throws {
    let workspace = try ServerWorkspace()
    try workspace.batch(count: 100)
    let rules = try workspace.copyRules()
    let shipped = try String(contentsOfFile: rules, encoding: .utf8)
    let server = try ServerProcess(["--db", workspace.database, "--rules", rules])
    let before = try server.get("/v1/rules").header("Greenrate-Ruleset") ?? ""
    let results = Results()
    let group = DispatchGroup()
    let port = server.port
    for i in 0..<200 {
      group.enter()
      DispatchQueue.global().async {
        defer { group.leave() }
        let target =
          i % 2 == 0 ? "/v1/merchants/M\(String(format: "%08d", i % 100 + 1))" : "/v1/rules"
        results.add(try? HTTPClient.get(port, target))
      }
      if i == 50 {
        try save(
          shipped.replacingOccurrences(of: #"version "2026.1""#, with: #"version "2026.9""#),
          to: rules)
      }
    }
    group.wait()
    // Keep asking until the reload has landed, then a last wave.
    #expect(
      try eventually {
        try server.get("/v1/rules").header("Greenrate-Ruleset")?.hasPrefix("sme-green 2026.9")
          == true
      })
    let after = try server.get("/v1/rules").header("Greenrate-Ruleset") ?? ""
    let all = results.values
    #expect(all.count == 200)
    #expect(all.allSatisfy { $0?.status == 200 }, "\(all.filter { $0?.status != 200 }.prefix(3))")
    #expect(all.allSatisfy { [before, after].contains($0?.header("Greenrate-Ruleset") ?? "") })
  }
}
