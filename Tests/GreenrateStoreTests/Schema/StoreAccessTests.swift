import Foundation
import GreenrateStore
import Testing

@Suite struct StoreAccessTests {
  @Test func aNewFileGetsTheContractTables() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let store = try Store(path: fixture.path)
    let statement = try store.db.prepare(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
    var names: Set<String> = []
    while try statement.step() { names.insert(statement.text(0) ?? "") }
    #expect(names.isSuperset(of: ["runs", "ratings", "rejects", "current_ratings"]))
  }

  @Test func anotherProgramsDatabaseIsRefusedBeforeAnythingIsWritten() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    let other = try Database(path: fixture.path)
    try other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    for access in [Store.Access.create, .existing, .readOnly] {
      #expect {
        _ = try Store(path: fixture.path, access: access)
      } throws: { error in
        "\(error)".contains("is not a greenrate database")
      }
    }
    let tables = try other.prepare("SELECT count(*) FROM sqlite_master")
    #expect(try tables.step())
    #expect(tables.int(0) == 1)
  }

  @Test func anEmptyFileIsNotCreatedAsADatabaseWhenItMustExist() throws {
    let fixture = try StoreFixture()
    defer { fixture.remove() }
    #expect(throws: SQLiteError.self) { _ = try Store(path: fixture.path, access: .existing) }
    _ = try Store(path: fixture.path, access: .create)
  }

  @Test func namesSQLiteReadsAsSomethingElseAreNotPaths() {
    #expect(Database.pathProblem("") != nil)
    #expect(Database.pathProblem(":memory:") != nil)
    #expect(Database.pathProblem("file:ratings.db") != nil)
    #expect(Database.pathProblem("ratings.db") == nil)
  }
}
