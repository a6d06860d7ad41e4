import Foundation
import GreenrateEngine
import GreenrateGenerator
import GreenrateLanguage
import Testing

@Suite struct MerchantGeneratorTests {
  @Test func sameSeedGivesSameBytes() {
    let a = MerchantGenerator(seed: 42).bytes(count: 500)
    let b = MerchantGenerator(seed: 42).bytes(count: 500)
    #expect(a.count > 500 * 50)
    #expect(a == b)
    let jsonA = MerchantGenerator(seed: 42, format: .jsonl).bytes(count: 200)
    let jsonB = MerchantGenerator(seed: 42, format: .jsonl).bytes(count: 200)
    #expect(jsonA == jsonB)
  }

  @Test func differentSeedsGiveDifferentRecords() {
    let a = csvRecords(MerchantGenerator(seed: 1).bytes(count: 200))
    let b = csvRecords(MerchantGenerator(seed: 2).bytes(count: 200))
    #expect(a[0] == b[0])  // the header
    let differing = zip(a.dropFirst(), b.dropFirst()).filter { $0 != $1 }.count
    #expect(differing > 190)
  }

  @Test func shorterRunIsPrefixOfLongerRun() {
    let short = MerchantGenerator(seed: 7).bytes(count: 100)
    let long = MerchantGenerator(seed: 7).bytes(count: 300)
    #expect(long.starts(with: short))
  }

  @Test func writingToAFileMatchesInMemoryBytesAcrossBlocks() throws {
    // 20k records are ~2.7 MB: several 1 MiB blocks.
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-generator-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    try MerchantGenerator(seed: 3).write(count: 20_000, to: handle.fileDescriptor)
    try handle.close()
    let written = Array(try Data(contentsOf: url))
    #expect(written.count > 2_000_000)
    #expect(written == MerchantGenerator(seed: 3).bytes(count: 20_000))
  }

  @Test func csvHasHeaderAndRightFieldCountOnEveryRow() {
    let records = csvRecords(MerchantGenerator(seed: 11).bytes(count: 3_000))
    #expect(records.count == 3_001)
    #expect(records[0] == MerchantGenerator.fieldNames)
    #expect(records.allSatisfy { $0.count == MerchantGenerator.fieldNames.count })
    let ids = records.dropFirst().map { $0[0] }
    #expect(Set(ids).count == 3_000)
    #expect(ids.first == "M00000001")
    #expect(ids.last == "M00003000")
    // Some names carry a comma ("Co., Ltd.") and so are quoted; the parser kept them whole.
    #expect(records.contains { $0[1].hasSuffix("Co., Ltd.") })
  }

  @Test func jsonLinesHaveEveryFieldOnEveryLine() throws {
    let bytes = MerchantGenerator(seed: 11, format: .jsonl).bytes(count: 1_000)
    let lines = bytes.split(separator: UInt8(ascii: "\n"))
    #expect(lines.count == 1_000)
    let expectedKeys = Set(MerchantGenerator.fieldNames)
    for line in lines {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
      #expect(Set(object.keys) == expectedKeys)
      #expect(object["certifications"] is [Any])
    }
    // The same stream in both formats: same ids, industries and dates.
    let csv = csvRecords(MerchantGenerator(seed: 11).bytes(count: 1_000))
    let first = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[0])) as? [String: Any])
    #expect(first["merchant_id"] as? String == csv[1][0])
    #expect(first["industry_code"] as? String == csv[1][2])
    #expect(first["established_date"] as? String == csv[1][5])
  }

  @Test func valuesDecodeAsTheShippedRulesExpect() throws {
    let records = csvRecords(MerchantGenerator(seed: 5).bytes(count: 5_000)).dropFirst()
    let reference = MerchantGenerator.defaultReferenceDay
    let numeric = [
      "employees", "annual_revenue_cny", "electricity_kwh", "green_power_share",
      "natural_gas_m3", "diesel_litres", "e_invoice_ratio", "digital_payment_share",
      "green_packaging_ratio", "env_penalties_3y", "env_penalty_max_cny_3y",
      "overdue_count_12m", "max_overdue_days_24m",
    ].map(column)
    let permits: Set = ["not_required", "registration", "simplified", "key", "missing"]
    for record in records {
      let day = try #require(Day.parse(record[column("established_date")]))
      #expect(day <= reference && day >= reference - 40 * 366)
      for i in numeric where !record[i].isEmpty { #expect(Double(record[i]) != nil) }
      for name in ["has_rooftop_pv", "paperless_ordering", "on_dishonest_list"] {
        #expect(["", "true", "false"].contains(record[column(name)]))
      }
      #expect(!record[column("on_dishonest_list")].isEmpty)
      #expect(!record[column("env_penalties_3y")].isEmpty)
      #expect(permits.contains(record[column("pollution_permit")]))
      if let revenue = Double(record[column("annual_revenue_cny")]) {
        #expect(revenue >= 50_000 && revenue <= 20_000_000)
      }
      for share in ["green_power_share", "e_invoice_ratio", "digital_payment_share"] {
        if let v = Double(record[column(share)]) { #expect(v >= 0 && v <= 1) }
      }
    }
  }

  @Test func distributionsFollowTheDomainNotes() {
    let records = Array(csvRecords(MerchantGenerator(seed: 2026).bytes(count: 20_000)).dropFirst())
    let n = Double(records.count)
    func share(_ predicate: ([String]) -> Bool) -> Double {
      Double(records.filter(predicate).count) / n
    }
    func blank(_ name: String) -> Double { share { $0[column(name)].isEmpty } }
    func section(_ letter: Character) -> Double {
      share { $0[column("industry_code")].first == letter }
    }

    #expect(abs(section("F") - 0.45) < 0.02)
    #expect(abs(section("H") - 0.20) < 0.015)
    #expect(abs(section("C") - 0.10) < 0.01)
    #expect(abs(section("O") - 0.10) < 0.01)

    #expect(abs(blank("employees") - 0.20) < 0.015)
    #expect(abs(blank("annual_revenue_cny") - 0.10) < 0.01)
    #expect(abs(blank("electricity_kwh") - 0.40) < 0.015)
    #expect(abs(blank("green_power_share") - 0.60) < 0.015)
    #expect(abs(blank("natural_gas_m3") - 0.50) < 0.02)
    #expect(abs(blank("e_invoice_ratio") - 0.25) < 0.015)

    #expect(abs(median("annual_revenue_cny", records) - 600_000) < 60_000)
    #expect(median("employees", records) == 3)
    #expect(abs(median("electricity_kwh", records) - 15_000) < 5_000)
    #expect(abs(median("digital_payment_share", records) - 0.9) < 0.02)

    #expect(abs(share { $0[column("green_power_share")] == "0.00" } / (1 - 0.6) - 0.85) < 0.03)
    #expect(abs(share { $0[column("env_penalties_3y")] == "0" } - 0.97) < 0.01)
    #expect(abs(share { $0[column("certifications")].isEmpty } - 0.90) < 0.015)
    #expect(abs(share { $0[column("overdue_count_12m")] == "0" } - 0.93) < 0.01)
    #expect(abs(share { $0[column("on_dishonest_list")] == "true" } - 0.005) < 0.003)
    // Opening within the last year (no green loan yet): ~12%.
    let reference = MerchantGenerator.defaultReferenceDay
    #expect(
      abs(share { (Day.parse($0[column("established_date")]) ?? 0) > reference - 365 } - 0.12)
        < 0.02)
    // E-invoice ratios are bimodal: most present values are near 0 or near 1.
    let invoices = records.compactMap { Double($0[column("e_invoice_ratio")]) }
    let extreme = invoices.filter { $0 <= 0.15 || $0 >= 0.85 }.count
    #expect(Double(extreme) / Double(invoices.count) > 0.8)
  }

  private func column(_ name: String) -> Int {
    MerchantGenerator.fieldNames.firstIndex(of: name) ?? -1
  }

  private func median(_ name: String, _ records: [[String]]) -> Double {
    let values = records.compactMap { Double($0[column(name)]) }.sorted()
    return values.isEmpty ? .nan : values[values.count / 2]
  }
}

/// A plain RFC 4180 reader (quoted fields with commas, doubled quotes and line ends).
private func csvRecords(_ bytes: [UInt8]) -> [[String]] {
  var records: [[String]] = []
  var fields: [String] = []
  var field: [UInt8] = []
  var quoted = false
  var i = 0
  while i < bytes.count {
    let b = bytes[i]
    if quoted {
      if b == UInt8(ascii: "\"") {
        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
          field.append(b)
          i += 1
        } else {
          quoted = false
        }
      } else {
        field.append(b)
      }
    } else if b == UInt8(ascii: "\"") {
      quoted = true
    } else if b == UInt8(ascii: ",") {
      fields.append(String(decoding: field, as: UTF8.self))
      field = []
    } else if b == UInt8(ascii: "\n") {
      fields.append(String(decoding: field, as: UTF8.self))
      records.append(fields)
      fields = []
      field = []
    } else {
      field.append(b)
    }
    i += 1
  }
  return records
}
