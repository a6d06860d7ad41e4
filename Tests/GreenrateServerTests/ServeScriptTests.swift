import Foundation
import Testing

/// `scripts/serve` as the README has a user run it: in a folder where a batch with no
/// arguments wrote `./greenrate.sqlite`, it starts the server on that database with the
/// rules the batch recorded, which answers; SIGTERM stops it with exit 0. It runs the
/// binaries these tests were built with (GREENRATE_BIN_DIR), so no release build.
@Suite struct ServeScriptTests {
  @Test func serveStartsOnTheLastBatchsDatabaseAndAnswers() throws {
    let workspace = try ServerWorkspace()
    let folder = workspace.folder
    let bin = Binaries.url("greenrate-server").deletingLastPathComponent()

    // The quick start's batch: no arguments, from this folder.
    let batch = Process()
    batch.executableURL = bin.appendingPathComponent("greenrate")
    batch.arguments = ["batch"]
    batch.currentDirectoryURL = folder
    batch.standardOutput = FileHandle.nullDevice
    batch.standardError = FileHandle.nullDevice
    try batch.run()
    batch.waitUntilExit()
    try #require(batch.terminationStatus == 0)
    #expect(FileManager.default.fileExists(atPath: workspace.path("greenrate.sqlite")))

    let log = workspace.path("serve.log")
    FileManager.default.createFile(atPath: log, contents: nil)
    let serve = Process()
    serve.executableURL = Binaries.packageRoot.appendingPathComponent("scripts/serve")
    serve.arguments = ["--port", "0"]
    serve.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["GREENRATE_BIN_DIR"] = bin.path
    serve.environment = environment
    serve.standardInput = FileHandle.nullDevice
    serve.standardOutput = FileHandle.nullDevice
    serve.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    try serve.run()
    defer {
      if serve.isRunning {
        serve.terminate()
        serve.waitUntilExit()
      }
    }
    var port: Int?
    let deadline = Date().addingTimeInterval(60)
    while port == nil, Date() < deadline, serve.isRunning {
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      if let range = text.range(of: "listening on http://127.0.0.1:") {
        port = Int(text[range.upperBound...].prefix { $0.isNumber })
      } else {
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
    let shown = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    let found = try #require(port, "scripts/serve did not start:\n\(shown)")
    #expect(try HTTPClient.get(found, "/healthz").status == 200)
    let merchant = try HTTPClient.get(found, "/v1/merchants/M00000001")
    #expect(merchant.status == 200, "\(merchant)")
    #expect(merchant.object["merchant_id"] as? String == "M00000001")
    #expect(merchant.header("Greenrate-Ruleset")?.hasPrefix("sme-green ") == true)

    serve.terminate()
    serve.waitUntilExit()
    #expect(serve.terminationStatus == 0)
  }
}
