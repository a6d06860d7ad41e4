import Foundation
import Testing

/// `POST /v1/score` against `greenrate score` on the same records: the server scores in
/// pieces on all cores and writes from ready-quoted names, and must still give the
/// command's answers, in order, with a duplicate key rejected across pieces.
@Suite struct ScoreRouteTests {
  @Test func scoreEqualsTheCommandRecordForRecord() throws {
    let shared = try SharedServer.get()
    let folder = shared.workspace
    let jsonl = folder.path("score-300.jsonl")
    let generated = try Binaries.greenrate([
      "generate", "--count", "300", "--seed", "11", "--format", "jsonl", "--output", jsonl,
    ])
    try #require(generated.status == 0, "\(generated.stderr)")
    var lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
      .map(String.init)
    lines.append(lines[3])  // a duplicate of a record in the first piece, in the last
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: jsonl, atomically: true, encoding: .utf8)
    let cli = try Binaries.greenrate([
      "score", Binaries.shippedRules, "--input", jsonl, "--as-of", "2026-11-30",
    ])
    let expected = cli.stdout.split(separator: "\n").map { line -> [String: Any] in
      var object =
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
      if let n = object.removeValue(forKey: "line") as? Int { object["index"] = n - 1 }
      return object
    }
    let body = #"{"as_of": "2026-11-30", "records": ["# + lines.joined(separator: ",") + "]}"
    let response = try shared.server.post("/v1/score", body)
    #expect(response.status == 200)
    let results = response.object["results"] as? [[String: Any]] ?? []
    #expect(results.count == 301)
    #expect(results.count == expected.count)
    for (got, want) in zip(results, expected) {
      #expect(NSDictionary(dictionary: got) == NSDictionary(dictionary: want), "\(got)")
    }
    #expect((results.last?["error"] as? String)?.hasPrefix("duplicate merchant_id") == true)
  }
}
