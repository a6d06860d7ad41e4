import Foundation
import GreenrateEngine
import GreenrateStore
import GreenrateTestSupport
import Testing

/// Runs the real `greenrate` executable as a child process, as a user or a script would.
enum CLIProcess {
  /// What a finished process left behind.
  struct Outcome: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
  }

  /// The package root, from this file's location.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The shipped rule set.
  static var shippedRules: String {
    packageRoot.appendingPathComponent("Rules/sme-green.rules").path
  }

  /// The `greenrate` built alongside these tests (whatever the scratch path), else
  /// `GREENRATE_BIN`, else `.build/debug/greenrate` in the package.
  static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["GREENRATE_BIN"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let fm = FileManager.default
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // On macOS the test bundle's executable sits in `X.xctest/Contents/MacOS/`.
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("greenrate")
      if fm.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/greenrate")
  }

  /// Runs `greenrate ARGUMENTS` to the end.
  static func run(_ arguments: [String], in folder: URL? = nil) throws -> Outcome {
    let child = try Child(arguments, in: folder)
    return try child.wait()
  }

  /// A started `greenrate` process whose output goes to temporary files.
  final class Child {
    let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

    init(_ arguments: [String], in folder: URL? = nil) throws {
      let binary = CLIProcess.binary
      try #require(
        FileManager.default.isExecutableFile(atPath: binary.path),
        "no greenrate executable at \(binary.path): build it first")
      let base = FileManager.default.temporaryDirectory
        .appendingPathComponent("greenrate-cli-\(UUID().uuidString)")
      stdoutURL = base.appendingPathExtension("out")
      stderrURL = base.appendingPathExtension("err")
      FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
      FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
      process.executableURL = binary
      process.arguments = arguments
      if let folder { process.currentDirectoryURL = folder }
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
      process.standardError = try FileHandle(forWritingTo: stderrURL)
      try process.run()
    }

    /// Waits for the process to exit and collects its output.
    func wait() throws -> Outcome {
      process.waitUntilExit()
      defer {
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
      }
      return Outcome(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
  }
}

/// A temporary folder with a generated input, a rule file and a database path; removed
/// when the test is done.
final class RescoreWorkspace {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-rescore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  var database: String { path("ratings.sqlite") }

  /// Copies the shipped rule set in (so a test may edit it) and returns its path.
  func copyShippedRules(as name: String = "rules.rules") throws -> String {
    let target = path(name)
    try? FileManager.default.removeItem(atPath: target)
    try FileManager.default.copyItem(atPath: CLIProcess.shippedRules, toPath: target)
    return target
  }

  /// `greenrate generate` into the workspace.
  func generate(count: Int, seed: Int, name: String = "merchants.csv") throws -> String {
    let output = path(name)
    let outcome = try CLIProcess.run([
      "generate", "--count", String(count), "--seed", String(seed), "--output", output,
    ])
    try #require(outcome.status == 0, "\(outcome)")
    return output
  }

  /// `greenrate batch RULES INPUT --db DB --as-of DATE`, which must succeed.
  @discardableResult
  func batch(rules: String, input: String, asOf: String = "2026-11-01", jobs: Int = 2) throws
    -> CLIProcess.Outcome
  {
    let outcome = try CLIProcess.run([
      "batch", rules, input, "--db", database, "--as-of", asOf, "--jobs", String(jobs),
    ])
    try #require(outcome.status == 0, "\(outcome)")
    return outcome
  }

  /// Runs a query on the workspace's database and returns each row's columns as text
  /// (NULL as nil).
  func query(_ sql: String, _ parameters: [SQLValue] = []) throws -> [[String?]] {
    let db = try Database(path: database, readOnly: true)
    let statement = try db.prepare(sql)
    statement.bindAll(parameters)
    var rows: [[String?]] = []
    while try statement.step() {
      rows.append(
        (0..<statement.columnCount).map { statement.isNull($0) ? nil : statement.text($0) })
    }
    return rows
  }

  /// The number of rows a `SELECT count(*) ...` returns.
  func count(_ sql: String, _ parameters: [SQLValue] = []) throws -> Int {
    Int(try query(sql, parameters).first?.first.flatMap { $0 } ?? "") ?? -1
  }
}

extension RescoreWorkspace {
  /// A value for every column `greenrate generate` writes: an ordinary retail merchant
  /// with no certificate and no penalty.
  static let ordinaryMerchant: [String: String] = [
    "merchant_name": "Test Shop", "industry_code": "F5292", "province": "Zhejiang",
    "city": "Hangzhou", "established_date": "2015-03-01", "employees": "3",
    "annual_revenue_cny": "500000", "electricity_kwh": "5000", "green_power_share": "",
    "natural_gas_m3": "", "diesel_litres": "", "has_rooftop_pv": "true",
    "e_invoice_ratio": "0.9", "digital_payment_share": "0.95", "paperless_ordering": "true",
    "green_packaging_ratio": "0.6", "env_penalties_3y": "0", "env_penalty_max_cny_3y": "",
    "pollution_permit": "not_required", "certifications": "", "overdue_count_12m": "0",
    "max_overdue_days_24m": "", "on_dishonest_list": "false",
  ]

  /// Appends records to a generated CSV, in its header's column order: each record is
  /// `ordinaryMerchant` with the given fields replaced.
  func append(to csv: String, records: [[String: String]]) throws {
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    let header = text.prefix { $0 != "\n" && $0 != "\r" }.split(separator: ",").map(String.init)
    var added = text.hasSuffix("\n") ? "" : "\n"
    for record in records {
      let fields = RescoreWorkspace.ordinaryMerchant.merging(record) { $1 }
      added += header.map { fields[$0] ?? "" }.joined(separator: ",") + "\n"
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: csv))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(added.utf8))
  }
}

/// A JSON text as a dictionary (for reading command output in tests).
func jsonObject(_ text: String) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(value as? [String: Any], "not a JSON object: \(text)")
}
