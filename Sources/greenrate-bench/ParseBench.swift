import GreenrateEngine
import GreenrateGenerator
import GreenrateLanguage
import GreenrateReaders

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The inputs of the spec's example rule set plus typical ones from the domain notes:
/// 15 inputs of every type, as a rule file would declare them.
func parseBenchLayout() -> RecordLayout {
  RecordLayout(inputs: [
    ("merchant_id", .text, true),
    ("industry", .text, false),
    ("province", .text, false),
    ("annual_revenue_cny", .number, false),
    ("electricity_kwh", .number.optional, false),
    ("green_power_share", .number.optional, false),
    ("env_penalties_3y", .number, false),
    ("certifications", .set, false),
    ("established", .date, false),
    ("employees", .number.optional, false),
    ("e_invoice_ratio", .number.optional, false),
    ("digital_payment_share", .number.optional, false),
    ("has_rooftop_pv", .bool.optional, false),
    ("on_dishonest_list", .bool, false),
    ("overdue_count_12m", .number, false),
  ])
}

/// `greenrate-bench parse [ROWS] [DIR]`: writes (once) a seeded merchant file as CSV and
/// as JSON Lines, then reports parse-only throughput for both.
func parseBenchMain(_ arguments: [String]) {
  let rows = arguments.first.flatMap { Int($0) } ?? 1_000_000
  let dir = arguments.count > 1 ? arguments[1] : "/tmp"
  let csv = "\(dir)/greenrate-parse-\(rows).csv"
  let jsonl = "\(dir)/greenrate-parse-\(rows).jsonl"
  if access(csv, F_OK) != 0 || access(jsonl, F_OK) != 0 {
    writeParseBenchData(rows: rows, seed: 20_240_601, csvPath: csv, jsonlPath: jsonl)
  }
  let layout = parseBenchLayout()
  runParseBench(rulesLayout: layout, path: csv)
  runParseBench(rulesLayout: layout, path: jsonl)
}

/// Reads `path` fully `runs` times (decoding every declared input) and prints the
/// median throughput in MB/s and records/s, by wall clock and by CPU time (the latter
/// is what one core does when other processes compete for it).
func runParseBench(rulesLayout: RecordLayout, path: String, runs: Int = 5) {
  var seconds: [Double] = []
  var cpuSeconds: [Double] = []
  var records = 0
  var rejects = 0
  var bytes: Int64 = 0
  for _ in 0..<runs {
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = cpuTime()
    do {
      let reader = try RecordReader(path: path, format: nil, layout: rulesLayout)
      bytes = reader.fileSize ?? 0
      records = 0
      rejects = 0
      while let chunk = try reader.nextChunk(maxRecords: 4096) {
        records += chunk.records.count
        rejects += chunk.rejects.count
      }
    } catch {
      print("parse \(path): \(error)")
      return
    }
    cpuSeconds.append(cpuTime() - cpuStart)
    let elapsed = clock.now - start
    seconds.append(
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
  }
  seconds.sort()
  cpuSeconds.sort()
  let median = seconds[seconds.count / 2]
  let cpuMedian = cpuSeconds[cpuSeconds.count / 2]
  let mb = Double(bytes) / 1e6
  print(
    "parse \(path): \(records) records, \(rejects) rejects, \(fixed(mb, 1)) MB; median of "
      + "\(runs): wall \(fixed(mb / median, 1)) MB/s, "
      + "\(fixed(Double(records) / median / 1e6, 2)) M records/s; CPU time "
      + "\(fixed(mb / cpuMedian, 1)) MB/s, \(fixed(Double(records) / cpuMedian / 1e6, 2)) M records/s"
  )
}

/// The process's CPU time in seconds.
private func cpuTime() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

private func fixed(_ x: Double, _ digits: Int) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let v = (x * scale).rounded() / scale
  return String(v)
}

/// Seeded draws from the engine's SplitMix64, so that every run measures the same data;
/// `below` keeps its modulo reduction so the data stays what it has always been.
private struct BenchRandom {
  var generator: SplitMix64

  init(state: UInt64) { generator = SplitMix64(seed: state) }

  mutating func unit() -> Double { generator.nextUnit() }
  mutating func below(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }
  mutating func chance(_ p: Double) -> Bool { generator.chance(p) }
}

/// Writes `rows` realistic merchants (see domain.md) as CSV and the same as JSON Lines.
func writeParseBenchData(rows: Int, seed: UInt64, csvPath: String, jsonlPath: String) {
  guard let csv = fopen(csvPath, "w"), let jsonl = fopen(jsonlPath, "w") else {
    print("cannot write \(csvPath) or \(jsonlPath)")
    return
  }
  defer {
    fclose(csv)
    fclose(jsonl)
  }
  var random = BenchRandom(state: seed)
  let industries = [
    "F5211", "F5292", "H6210", "H6110", "C1713", "C3311", "O8011", "G5430", "I6510",
  ]
  let provinces = ["Zhejiang", "Guangdong", "Jiangsu", "Shandong", "Hebei", "Sichuan", "Beijing"]
  let certs = ["ISO14001", "CEL", "energy_saving", "green_factory"]
  let places = ["Hangzhou", "Shenzhen", "Suzhou", "Jinan", "Chengdu", "Baoding", "Wenzhou"]
  let words = ["Green Leaf", "Golden Sun", "Harmony", "Blue Sky", "Prosperity", "Lucky Star"]
  let trades = ["Trading", "Catering", "Logistics", "Garment", "Hardware", "Electronics"]
  var csvText = "merchant_id,merchant_name,industry,province,city,established,employees,"
  csvText += "annual_revenue_cny,electricity_kwh,green_power_share,env_penalties_3y,"
  csvText += "certifications,e_invoice_ratio,digital_payment_share,has_rooftop_pv,"
  csvText += "on_dishonest_list,overdue_count_12m\n"
  var jsonText = ""
  func flush(force: Bool) {
    if force || csvText.utf8.count > 1 << 20 {
      fputs(csvText, csv)
      csvText = ""
    }
    if force || jsonText.utf8.count > 1 << 20 {
      fputs(jsonText, jsonl)
      jsonText = ""
    }
  }
  for r in 0..<rows {
    let id = "M" + String(10_000_000 + r)
    // Names as registered ("Hangzhou Green Leaf Trading Co., Ltd."): quoted in CSV.
    let name =
      "\(places[random.below(places.count)]) \(words[random.below(words.count)]) "
      + "\(trades[random.below(trades.count)]) Co., Ltd."
    let industry = industries[random.below(industries.count)]
    let province = provinces[random.below(provinces.count)]
    let city = "City\(random.below(300))"
    let established = Day.format(
      Day.number(
        year: 1995 + random.below(29), month: 1 + random.below(12), day: 1 + random.below(28)))
    let employees: String? = random.chance(0.2) ? nil : String(1 + random.below(40))
    let revenue = fixed(50_000 + random.unit() * random.unit() * 2_000_000, 2)
    let electricity: String? = random.chance(0.4) ? nil : String(Int(random.unit() * 40_000))
    let green: String? = random.chance(0.6) ? nil : fixed(random.unit() * 0.3, 3)
    let penalties = random.chance(0.97) ? "0" : String(1 + random.below(3))
    let certSet = random.chance(0.9) ? [] : [certs[random.below(4)], certs[random.below(4)]]
    let invoice: String? = random.chance(0.25) ? nil : fixed(random.unit(), 2)
    let payment: String? = fixed(0.5 + random.unit() / 2, 2)
    let pv: String? = random.chance(0.5) ? nil : (random.chance(0.1) ? "true" : "false")
    let dishonest = random.chance(0.005) ? "true" : "false"
    let overdue = random.chance(0.93) ? "0" : String(1 + random.below(4))
    let cells: [String] = [
      id, "\"" + name + "\"", industry, province, city, established, employees ?? "", revenue,
      electricity ?? "",
      green ?? "", penalties, certSet.joined(separator: ";"), invoice ?? "", payment ?? "",
      pv ?? "", dishonest, overdue,
    ]
    csvText += cells.joined(separator: ",") + "\n"
    func num(_ v: String?) -> String { v ?? "null" }
    var json =
      "{\"merchant_id\":\"\(id)\",\"merchant_name\":\"\(name)\",\"industry\":\"\(industry)\","
    json += "\"province\":\"\(province)\",\"city\":\"\(city)\",\"established\":\"\(established)\","
    json += "\"employees\":\(num(employees)),\"annual_revenue_cny\":\(revenue),"
    json += "\"electricity_kwh\":\(num(electricity)),\"green_power_share\":\(num(green)),"
    json += "\"env_penalties_3y\":\(penalties),\"certifications\":["
    json += certSet.map { "\"\($0)\"" }.joined(separator: ",") + "],"
    json += "\"e_invoice_ratio\":\(num(invoice)),\"digital_payment_share\":\(num(payment)),"
    json += "\"has_rooftop_pv\":\(num(pv)),\"on_dishonest_list\":\(dishonest),"
    json += "\"overdue_count_12m\":\(overdue)}\n"
    jsonText += json
    flush(force: false)
  }
  flush(force: true)
}
