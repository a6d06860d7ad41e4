import Foundation
import GreenrateEngine
import GreenrateLanguage
import GreenrateTestSupport
import Testing

/// `FieldOverride` and `Rescorer`: from a stored record and `--set`s to the record scored.
@Suite struct RescorerTests {
  private func program() throws -> Program {
    try Program.compile(source: Array(tinyRules.utf8), file: "tiny.rules")
  }

  private func stored(_ fields: [(String, ValueType, Value)]) -> StoredRecord {
    StoredRecord(
      merchantID: "M1", runID: 4, rulesPath: "tiny.rules", line: 7,
      fields: fields.map { StoredField(name: $0.0, type: $0.1) }, values: fields.map(\.2))
  }

  private func value(_ records: RecordBuffer, _ name: String) throws -> Value {
    records.value(row: 0, field: try #require(records.layout.field(named: name)))
  }

  @Test func overridesSplitAtTheFirstEquals() throws {
    #expect(try FieldOverride(parsing: "note=a=b") == FieldOverride(field: "note", value: "a=b"))
    #expect(try FieldOverride(parsing: "staff=") == FieldOverride(field: "staff", value: ""))
    #expect(throws: RescoreError.self) { try FieldOverride(parsing: "=3") }
    #expect(throws: RescoreError.self) { try FieldOverride(parsing: "staff") }
  }

  @Test func overridesReplaceStoredValuesDecodedLikeCells() throws {
    let record = stored([
      ("id", .text, .text(Text("M1"))), ("revenue", .number, .number(5000)),
      ("staff", .number.optional, .number(2)), ("tags", .set, .set(TextSet([Text("X")]))),
      ("ignored", .text, .text(Text("kept out"))),
    ])
    let prepared = try Rescorer(program: try program()).prepare(
      record,
      overrides: [
        FieldOverride(field: "tags", value: " GREEN ;; B;"),
        FieldOverride(field: "since", value: "2020-02-29"),
      ])
    let records = prepared.records
    #expect(records.count == 1)
    #expect(records.lines == [7])
    #expect(records.key(row: 0) == Text("M1"))
    #expect(try value(records, "revenue") == .number(5000))
    #expect(try value(records, "staff") == .number(2))
    #expect(try value(records, "tags") == .set(TextSet([Text("B"), Text("GREEN")])))
    #expect(try value(records, "since") == .date(Day.number(year: 2020, month: 2, day: 29)))
    #expect(prepared.notes.isEmpty)
  }

  @Test func storedValuesFollowChangedInputTypes() throws {
    let record = stored([
      ("id", .text, .text(Text("M1"))), ("revenue", .text, .text(Text("1200.5"))),
      ("staff", .text.optional, .text(Text("many"))), ("since", .text, .text(Text("2021-03-04"))),
    ])
    let prepared = try Rescorer(program: try program()).prepare(record, overrides: [])
    #expect(try value(prepared.records, "revenue") == .number(1200.5))
    #expect(try value(prepared.records, "since") == .date(Day.number(year: 2021, month: 3, day: 4)))
    #expect(try value(prepared.records, "staff") == .missing)
    #expect(try value(prepared.records, "tags") == .set(.empty))
    #expect(prepared.notes.count == 1)
    #expect(prepared.notes.first?.contains("staff") == true)
  }

  @Test func aRequiredInputTheRecordLacksMustBeSet() throws {
    let record = stored([("id", .text, .text(Text("M1"))), ("staff", .number, .number(3))])
    let rescorer = Rescorer(program: try program())
    do {
      _ = try rescorer.prepare(record, overrides: [])
      Issue.record("a record without `revenue` was accepted")
    } catch {
      #expect(!error.isUsage)
      #expect(error.message.contains("revenue"))
      #expect(error.message.contains("--set revenue="))
    }
    let fixed = try rescorer.prepare(
      record, overrides: [FieldOverride(field: "revenue", value: "9")])
    #expect(try value(fixed.records, "revenue") == .number(9))
  }

  @Test func badOverridesAreUsageErrorsNamingTheField() throws {
    let record = stored([("id", .text, .text(Text("M1"))), ("revenue", .number, .number(1))])
    let rescorer = Rescorer(program: try program())
    let cases: [(FieldOverride, String)] = [
      (FieldOverride(field: "revenue", value: "1e999"), "not a finite number"),
      (FieldOverride(field: "revenue", value: " 12"), "not a number"),
      (FieldOverride(field: "since", value: "2021-3-4"), "not a date"),
      (FieldOverride(field: "revenue", value: ""), "cannot be empty"),
      (FieldOverride(field: "revenu", value: "3"), "did you mean `revenue`?"),
      (FieldOverride(field: "id", value: "M2"), "key cannot be changed"),
    ]
    for (override, expected) in cases {
      do {
        _ = try rescorer.prepare(record, overrides: [override])
        Issue.record("\(override) was accepted")
      } catch {
        #expect(error.isUsage)
        #expect(error.message.contains(override.field), "\(error.message)")
        #expect(error.message.contains(expected), "\(error.message)")
      }
    }
  }
}
