import Dispatch
import GreenrateEngine
import GreenrateGenerator
import GreenrateLanguage
import GreenrateReaders

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `greenrate-bench batch [RULES] [N] [DIR] [--full-only]`: the nightly batch on a
/// generated N-merchant CSV (default 1,000,000, `MerchantGenerator` seed 7), measured
/// stage by stage:
/// - full batch (CSV → SQLite, records stored) with the default jobs and the process's
///   peak RSS after it; the same again as a second run into that database (the nightly
///   case: the unique index already holds every merchant); then with 1 job;
/// - parse only; score only (1 thread and all cores, from decoded chunks in memory);
/// - the SQLite sink limit: the same scored rows, precomputed, written through the same
///   statements and transactions with nothing else running (`sinkBench`).
/// `--full-only` stops after the first full batch (for comparing peak memory at
/// different N in separate processes); `--sink-only` skips the full batches (for
/// comparing write-path variants); `--input=PATH` measures another CSV of N records
/// (e.g. the same merchants shuffled, for key order).
func batchBenchMain(_ arguments: [String]) {
  let flags = arguments.filter { $0.hasPrefix("--") }
  let positional = arguments.filter { !$0.hasPrefix("--") }
  let rules = positional.first ?? "Rules/sme-green.rules"
  let count = positional.count > 1 ? Int(positional[1]) ?? 1_000_000 : 1_000_000
  let dir = positional.count > 2 ? positional[2] : "/tmp"
  let input =
    flags.first { $0.hasPrefix("--input=") }.map { String($0.dropFirst(8)) }
    ?? "\(dir)/greenrate-batch-\(count).csv"
  guard let program = loadBenchProgram(rules) else { return }
  guard ensureBenchInput(input, count: count) else { return }
  let asOf = Day.number(year: 2026, month: 11, day: 1)
  let cores = BatchOptions.coreCount
  print("batch bench: \(count) merchants, \(rules), \(cores) cores")

  let sinkOnly = flags.contains("--sink-only")
  var full = Double.nan
  var single = Double.nan
  if !sinkOnly {
    full = timeFullBatch(program: program, input: input, dir: dir, jobs: cores, asOf: asOf)
    print("  peak RSS after full batch: \(peakRSSMegabytes()) MB")
    if flags.contains("--full-only") { return }
    _ = timeFullBatch(
      program: program, input: input, dir: dir, jobs: cores, asOf: asOf, fresh: false)
    single = timeFullBatch(program: program, input: input, dir: dir, jobs: 1, asOf: asOf)
  }

  // Parse only, keeping the chunks for the next stages.
  var chunks: [ReadChunk] = []
  let parseStart = benchSeconds()
  do {
    let reader = try RecordReader(path: input, format: nil, layout: program.layout)
    while let chunk = try reader.nextChunk(maxRecords: 8192) { chunks.append(chunk) }
  } catch {
    print("cannot read \(input): \(error)")
    return
  }
  let parse = benchSeconds() - parseStart
  report("parse only", count, parse)

  // Score only (decoded chunks → scored chunks, JSON and stored record included).
  let scorer = ChunkScorer(program: program, asOf: asOf)
  let oneStart = benchSeconds()
  var cpuStart = processCPUSeconds()
  for (i, chunk) in chunks.enumerated() { _ = scorer.score(chunk, sequence: i) }
  let scoreOne = benchSeconds() - oneStart
  report("score only, 1 thread", count, scoreOne, cpu: processCPUSeconds() - cpuStart)
  let scored = ScoredBox(count: chunks.count)
  let allStart = benchSeconds()
  cpuStart = processCPUSeconds()
  let shared = chunks
  DispatchQueue.concurrentPerform(iterations: cores) { worker in
    var i = worker
    while i < shared.count {
      scored.set(i, scorer.score(shared[i], sequence: i))
      i += cores
    }
  }
  let scoreAll = benchSeconds() - allStart
  report("score only, \(cores) threads", count, scoreAll, cpu: processCPUSeconds() - cpuStart)
  chunks = []

  let sink = sinkBench(
    program: program, chunks: scored.chunks, input: input,
    path: "\(dir)/greenrate-bench-sink.sqlite",
    asOf: asOf)
  report("sink limit (same rows, precomputed)", count, sink)
  print(
    "  full batch / sink limit: \(benchFixed(100 * sink / full, 1))% "
      + "(jobs 1: \(benchFixed(100 * sink / single, 1))%); jobs \(cores) vs 1: "
      + "\(benchFixed(single / full, 2))x")
}

/// Runs `BatchRunner` into a fresh database (or, with `fresh` false, as the next night's
/// run into the same one) and prints its throughput.
func timeFullBatch(
  program: Program, input: String, dir: String, jobs: Int, asOf: Int, fresh: Bool = true
) -> Double {
  let db = "\(dir)/greenrate-bench-full.sqlite"
  if fresh { removeDatabase(db) }
  let options = BatchOptions(
    rulesPath: program.file, inputPath: input, databasePath: db, jobs: jobs, asOf: asOf,
    showProgress: false)
  let start = benchSeconds()
  let cpuStart = processCPUSeconds()
  do {
    let summary = try BatchRunner(options: options, program: program).run { _ in }
    let elapsed = benchSeconds() - start
    report(
      "full batch, jobs \(jobs)\(fresh ? "" : ", second run into the same database") "
        + "(\(summary.scored) scored, \(summary.rejected) rejected)",
      summary.read, elapsed, cpu: processCPUSeconds() - cpuStart)
    return elapsed
  } catch {
    print("batch failed: \(error)")
    return .nan
  }
}

/// Scored chunks filled by several threads, each index by one thread.
final class ScoredBox: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<ScoredChunk?>
  let count: Int

  init(count: Int) {
    self.count = count
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil, count: count)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  func set(_ i: Int, _ chunk: ScoredChunk) { storage[i] = chunk }

  var chunks: [ScoredChunk] { (0..<count).compactMap { storage[$0] } }
}

func loadBenchProgram(_ path: String) -> Program? {
  guard let file = fopen(path, "rb") else {
    print("cannot open \(path)")
    return nil
  }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65_536)
  while true {
    let n = fread(&buffer, 1, buffer.count, file)
    if n <= 0 { break }
    bytes.append(contentsOf: buffer[0..<n])
  }
  do {
    return try Program.compile(source: bytes, file: path)
  } catch {
    print("\(path) does not compile: \(error)")
    return nil
  }
}

/// Writes the seeded input once (`MerchantGenerator`, seed 7).
func ensureBenchInput(_ path: String, count: Int) -> Bool {
  if access(path, F_OK) == 0 { return true }
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard fd >= 0 else {
    print("cannot write \(path)")
    return false
  }
  defer { close(fd) }
  do {
    try MerchantGenerator(seed: 7).write(count: count, to: fd)
    return true
  } catch {
    print("cannot generate \(path): \(error)")
    return false
  }
}

func removeDatabase(_ path: String) {
  for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
}

/// One result line; `cpu` (the process's CPU seconds, all threads) shows the work done
/// whatever else competes for the cores.
func report(_ what: String, _ count: Int, _ seconds: Double, cpu: Double? = nil) {
  print(
    "  \(what): \(benchFixed(seconds, 2)) s, \(benchGrouped(Int(Double(count) / seconds))) merchants/s"
      + (cpu.map { ", CPU \(benchFixed($0, 2)) s" } ?? ""))
}

func processCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func benchSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

#if canImport(Glibc)
  private let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
  private let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

/// The process's peak resident set size so far.
func peakRSSMegabytes() -> Int {
  var usage = rusage()
  getrusage(RUSAGE_SELF_WHO, &usage)
  return Int(usage.ru_maxrss) / 1024
}

func benchFixed(_ x: Double, _ digits: Int) -> String {
  guard x.isFinite else { return "-" }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  return String((x * scale).rounded() / scale)
}

func benchGrouped(_ value: Int) -> String {
  let digits = String(value)
  var out = ""
  for (i, c) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(c)
  }
  return out
}
