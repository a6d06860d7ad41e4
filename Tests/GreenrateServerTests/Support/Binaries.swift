import Foundation
import Testing

/// The executables built with these tests, and running them to the end.
enum Binaries {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  static var shippedRules: String {
    packageRoot.appendingPathComponent("Rules/sme-green.rules").path
  }
  static var shippedCases: String {
    packageRoot.appendingPathComponent("Rules/sme-green.cases.csv").path
  }

  /// `name` built alongside these tests (whatever the scratch path), else in
  /// `.build/debug`.
  static func url(_ name: String) -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/\(name)")
  }

  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `greenrate ARGUMENTS` to the end.
  static func greenrate(_ arguments: [String]) throws -> Outcome {
    let process = try start("greenrate", arguments)
    process.process.waitUntilExit()
    return process.outcome()
  }

  /// A started process whose output goes to temporary files.
  final class Running {
    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL

    init(_ binary: URL, _ arguments: [String]) throws {
      try #require(
        FileManager.default.isExecutableFile(atPath: binary.path),
        "no executable at \(binary.path): build it first")
      let base = FileManager.default.temporaryDirectory
        .appendingPathComponent("greenrate-server-test-\(UUID().uuidString)")
      stdoutURL = base.appendingPathExtension("out")
      stderrURL = base.appendingPathExtension("err")
      FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
      FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
      process.executableURL = binary
      process.arguments = arguments
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
      process.standardError = try FileHandle(forWritingTo: stderrURL)
      try process.run()
    }

    deinit {
      if process.isRunning {
        process.terminate()
        process.waitUntilExit()
      }
      try? FileManager.default.removeItem(at: stdoutURL)
      try? FileManager.default.removeItem(at: stderrURL)
    }

    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    func outcome() -> Outcome {
      Outcome(
        status: process.terminationStatus,
        stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "", stderr: stderr)
    }
  }

  static func start(_ name: String, _ arguments: [String]) throws -> Running {
    try Running(url(name), arguments)
  }
}
