import Foundation
import GreenrateTestSupport
import Testing

@testable import GreenrateEngine

@Suite struct FileLockTests {
  @Test func aByteLockExcludesEveryOtherHolderAndIsFreedWithItsFile() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("db-lock").path
    var first: FileLock? = try FileLock(path: path)
    let second = try FileLock(path: path)
    #expect(try first?.tryLock(7) == true)
    // Another open of the file, even in this process, is another holder.
    #expect(try second.tryLock(7) == false)
    #expect(try second.tryLock(8) == true, "other runs are other bytes")
    first = nil  // closing the file drops its locks
    #expect(try second.tryLock(7) == true)
    second.unlock(7)
    #expect(try FileLock(path: path).tryLock(7) == true)
  }

  @Test func rejectLimitsParse() throws {
    #expect(try RejectLimit(parsing: "12") == .count(12))
    #expect(try RejectLimit(parsing: "5%") == .percent(5))
    #expect(try RejectLimit(parsing: "0.5%") == .percent(0.5))
    #expect(RejectLimit.percent(0.5).description == "0.50%")
    #expect(RejectLimit.percent(5).description == "5%")
    for bad in ["", "-1", "1e3", "%", "101%", "-5%", "x%", "5 %", "nan%"] {
      #expect(throws: BatchError.self, "\(bad)") { try RejectLimit(parsing: bad) }
    }
  }
}
