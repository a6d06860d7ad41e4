import Foundation
import Testing

/// An officer's recorded overrides (`greenrate rescore --set`, kept until cleared) apply
/// to an HTTP rescore exactly as to the command's: both go through the engine's one
/// rescore path.
@Suite struct RescoreOverridesTests {
  @Test func aRecordedOverrideAppliesToAnHTTPRescoreAsToTheCommand() throws {
    let viaHTTP = try ServerWorkspace()
    let viaCLI = try ServerWorkspace()
    let merchant = "M00000021"
    for workspace in [viaHTTP, viaCLI] {
      try workspace.batch(count: 100)
      // The officer's decision, kept as an override.
      let officer = try Binaries.greenrate([
        "rescore", merchant, "--db", workspace.database, "--set", "on_dishonest_list=yes",
        "--reason", "court list", "--as-of", "2026-12-01",
      ])
      try #require(officer.status == 0, "\(officer.stderr)")
    }
    let server = try ServerProcess(["--db", viaHTTP.database])
    let response = try server.post(
      "/v1/merchants/\(merchant)/rescore",
      #"{"set": {"electricity_kwh": 4321}, "as_of": "2026-12-02"}"#)
    #expect(response.status == 200, "\(response)")
    let cli = try Binaries.greenrate([
      "rescore", merchant, "--db", viaCLI.database, "--set", "electricity_kwh=4321",
      "--as-of", "2026-12-02",
    ])
    try #require(cli.status == 0, "\(cli.stderr)")

    var object = response.object
    #expect(object["run_id"] as? Int == 3)
    object["run_id"] = nil
    let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any]
    #expect(NSDictionary(dictionary: object) == expected.map(NSDictionary.init(dictionary:)))
    // The override is in force: a merchant on the dishonest list is denied.
    #expect(object["eligible"] as? Bool == false)
    #expect((object["denials"] as? [String])?.contains("DISHONEST_DEBTOR") == true)

    // The stored rows are the same: each database's current rating, as the server reads it.
    let cliServer = try ServerProcess(["--db", viaCLI.database])
    let row = try server.get("/v1/merchants/\(merchant)")
    let cliRow = try cliServer.get("/v1/merchants/\(merchant)")
    #expect(row.status == 200 && cliRow.status == 200)
    #expect(row.object["run_id"] as? Int == 3)
    #expect(row.text == cliRow.text)
    // The HTTP rescore kept the officer's override and recorded none of its own.
    let explained = try Binaries.greenrate([
      "explain", merchant, "--db", viaHTTP.database, "--json",
    ])
    #expect(explained.status == 0, "\(explained.stderr)")
    let explanation =
      try JSONSerialization.jsonObject(with: Data(explained.stdout.utf8)) as? [String: Any]
    let overrides = explanation?["overrides"] as? [[String: Any]] ?? []
    #expect(overrides.map { $0["field"] as? String } == ["on_dishonest_list"], "\(overrides)")
  }
}
