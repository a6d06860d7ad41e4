import GreenrateLanguage
import GreenrateReaders

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `greenrate-bench score RULES [N] [--uniform]`: compiles RULES, prepares N records
/// (decoded, in memory, not timed) and prints single-thread evaluation throughput,
/// reasons included, for five runs and their median.
///
/// By default the records are realistic merchants (`greenrate generate`'s seeded
/// distributions, parsed by `RecordReader`); `--uniform` uses uniformly random records
/// instead, which defeat branch prediction and so show the worst case.
func scoreBenchMain(_ arguments: [String]) {
  let uniform = arguments.contains("--uniform")
  let positional = arguments.filter { !$0.hasPrefix("--") }
  guard let path = positional.first else {
    print("usage: greenrate-bench score RULES [N] [--uniform]")
    return
  }
  let count = positional.count > 1 ? Int(positional[1]) ?? 1_000_000 : 1_000_000
  guard let source = readWholeFile(path) else {
    print("cannot read \(path)")
    return
  }
  let program: Program
  do {
    program = try Program.compile(source: source, file: path)
  } catch {
    for d in error.diagnostics { print("\(path):\(d.location): error: \(d.message)") }
    return
  }
  let chunks: [RecordBuffer]
  let asOf: Int
  if uniform {
    chunks = [uniformRecords(program.layout, count: count, seed: 0x5EED_2024)]
    asOf = Day.parse("2024-06-30") ?? 0
  } else {
    guard let realistic = realisticRecords(program.layout, count: count, seed: 2026) else {
      return
    }
    chunks = realistic
    asOf = Day.parse("2026-11-01") ?? 0
  }
  let total = chunks.reduce(0) { $0 + $1.count }
  print(
    "\(program.name) \(program.version): \(program.layout.fields.count) inputs, "
      + "\(program.factors.count) factors, \(total) \(uniform ? "uniform" : "realistic") records")
  var rates: [Double] = []
  // Per CPU second of this thread, too: on a busy machine wall time also counts the time
  // other processes hold the core.
  var cpuRates: [Double] = []
  for run in 1...5 {
    let evaluator = Evaluator(program: program, asOf: asOf)
    var failures = 0
    var checksum = 0.0
    let start = seconds(CLOCK_MONOTONIC)
    let startCPU = seconds(CLOCK_THREAD_CPUTIME_ID)
    for records in chunks {
      for row in 0..<records.count {
        if evaluator.evaluate(records, row: row) != nil {
          failures += 1
          continue
        }
        // Reading the reasons in order is part of the work `batch` does per record.
        var reasons = 0
        for factor in evaluator.reasonOrder { reasons = reasons &* 7 &+ factor }
        checksum += evaluator.score + Double(reasons & 0xFF)
      }
    }
    let wall = seconds(CLOCK_MONOTONIC) - start
    let cpu = seconds(CLOCK_THREAD_CPUTIME_ID) - startCPU
    let rate = Double(total) / wall
    rates.append(rate)
    cpuRates.append(Double(total) / cpu)
    print(
      "run \(run): \(Int(rate)) records/s (\(Int(wall * 1e9 / Double(max(total, 1)))) ns/record; "
        + "\(Int(Double(total) / cpu)) records per CPU second; "
        + "\(failures) failed, checksum \(checksum))")
  }
  rates.sort()
  cpuRates.sort()
  print(
    "median: \(Int(rates[rates.count / 2])) records/s "
      + "(\(Int(cpuRates[cpuRates.count / 2])) records per CPU second of the scoring thread)")
}

private func seconds(_ clock: clockid_t) -> Double {
  var t = timespec()
  clock_gettime(clock, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

private func readWholeFile(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = fread(&chunk, 1, chunk.count, file)
    if n <= 0 { break }
    bytes.append(contentsOf: chunk[0..<n])
  }
  return bytes
}
