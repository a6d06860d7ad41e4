import Foundation
import GreenrateTestSupport
import Testing

@testable import GreenrateCLI

/// `batch` with no arguments runs from a copied binary, on its embedded defaults
/// (item 19).
@Suite struct EmbeddedDefaultsTests {
  static func shipped(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: CLIProcess.packageRoot.appendingPathComponent(relative)))
  }

  @Test func theEmbeddedRulesAreTheShippedFileByteForByte() throws {
    // On a mismatch: run scripts/embed-defaults.
    #expect(
      Array(EmbeddedRules.text.utf8) == (try EmbeddedDefaultsTests.shipped(ShippedFiles.rulesName)))
  }

  @Test func theGeneratedSampleIsTheShippedFileByteForByte() throws {
    #expect(
      EmbeddedSample.bytes() == (try EmbeddedDefaultsTests.shipped(ShippedFiles.merchantsName)))
  }

  @Test func aCopiedBinaryRunsItsDefaultJobInAnEmptyFolder() throws {
    let w = try RescoreWorkspace()
    let bin = w.folder.appendingPathComponent("bin")
    let work = w.folder.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let copy = bin.appendingPathComponent("greenrate")
    try FileManager.default.copyItem(at: CLIProcess.binary, to: copy)

    let process = Process()
    process.executableURL = copy
    process.arguments = ["batch", "--jobs", "2"]
    process.currentDirectoryURL = work
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(stdout)\n\(stderr)")
    #expect(stdout.hasPrefix("run 1 completed"), "\(stdout)")
    #expect(stdout.contains("read      5,009 records"), "\(stdout)")
    #expect(stderr.contains("wrote the embedded default Rules/sme-green.rules"), "\(stderr)")
    let unpacked = try [UInt8](
      Data(contentsOf: work.appendingPathComponent(ShippedFiles.merchantsName)))
    #expect(unpacked == (try EmbeddedDefaultsTests.shipped(ShippedFiles.merchantsName)))
    #expect(
      FileManager.default.fileExists(atPath: work.appendingPathComponent("greenrate.sqlite").path))
  }
}
