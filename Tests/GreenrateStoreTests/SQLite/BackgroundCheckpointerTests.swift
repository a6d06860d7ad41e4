import Foundation
import GreenrateStore
import Testing

/// The batch's second connection copies the WAL into the database file while the
/// writer goes on, once the writer has appended enough pages.
@Suite struct BackgroundCheckpointerTests {
  /// A store whose writer has committed 4 MB that are still only in the WAL (a reader
  /// keeps the last connection's close from checkpointing them).
  static func written(_ fixture: StoreFixture) throws -> Store {
    let store = try Store(path: fixture.path)
    try store.db.execute("CREATE TABLE filler (bytes BLOB)")
    let insert = try store.db.prepare("INSERT INTO filler VALUES (zeroblob(4096))")
    try store.db.writeTransaction { () throws(SQLiteError) in
      for _ in 0..<1_000 { try insert.run() }
    }
    return store
  }

  static func fileSize(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  }

  @Test func enoughNewPagesAreCopiedIntoTheFileBesideTheWriter() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let store = try Store(path: fixture.path)
    let checkpointer = try BackgroundCheckpointer(
      path: fixture.path, pagesWritten: store.db.pagesWritten, pagesPerCheckpoint: 64)
    let written = try BackgroundCheckpointerTests.written(fixture)
    let before = BackgroundCheckpointerTests.fileSize(fixture.path)
    #expect(before < 1_000_000)
    #expect(written.db.pagesWritten >= 200)

    checkpointer.writerCommitted(pagesWritten: written.db.pagesWritten)
    checkpointer.close()
    #expect(BackgroundCheckpointerTests.fileSize(fixture.path) > 4_000_000)
    _ = store
  }

  @Test func fewNewPagesWaitForTheWritersOwnCheckpoint() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let store = try Store(path: fixture.path)
    let checkpointer = try BackgroundCheckpointer(
      path: fixture.path, pagesWritten: 0, pagesPerCheckpoint: 100_000)
    let written = try BackgroundCheckpointerTests.written(fixture)

    checkpointer.writerCommitted(pagesWritten: written.db.pagesWritten)
    checkpointer.close()
    #expect(BackgroundCheckpointerTests.fileSize(fixture.path) < 1_000_000)
    _ = store
  }
}
