import Dispatch
import GreenrateAnalysis
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `greenrate-bench compare [RULES] [N] [DIR]`: `compare` and `drift` on a database of
/// N generated merchants (seed 7), against the batch's score-only rate measured in the
/// same process:
/// - score only, all cores: `ChunkScorer` on decoded chunks in memory (the batch
///   bench's "score only");
/// - compare: `DatabaseComparison` of the run against a challenger (the rules with
///   `green` from 60 points instead of 65), all cores, reading the stored records;
/// - drift: `DriftAnalysis` of a second run of the same input against the first.
/// Prints wall and CPU seconds; the ratio compare / score only is the figure.
func compareBenchMain(_ arguments: [String]) {
  let rules = arguments.first ?? "Rules/sme-green.rules"
  let count = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
  let dir = arguments.count > 2 ? arguments[2] : "/tmp"
  let input = "\(dir)/greenrate-batch-\(count).csv"
  let db = "\(dir)/greenrate-bench-compare-\(count).sqlite"
  guard let program = loadBenchProgram(rules) else { return }
  guard ensureBenchInput(input, count: count) else { return }
  let asOf = Day.number(year: 2026, month: 11, day: 1)
  let cores = BatchOptions.coreCount
  print("compare bench: \(count) merchants, \(rules), \(cores) cores")

  // Two completed runs of the same input (drift needs a baseline).
  removeDatabase(db)
  for _ in 0..<2 {
    let options = BatchOptions(
      rulesPath: program.file, inputPath: input, databasePath: db, jobs: cores, asOf: asOf,
      showProgress: false)
    do {
      _ = try BatchRunner(options: options, program: program).run { _ in }
    } catch {
      print("batch failed: \(error)")
      return
    }
  }

  // Score only, all cores, on decoded chunks (the reference rate).
  var chunks: [ReadChunk] = []
  do {
    let reader = try RecordReader(path: input, format: nil, layout: program.layout)
    while let chunk = try reader.nextChunk(maxRecords: 4096) { chunks.append(chunk) }
  } catch {
    print("cannot read \(input): \(error)")
    return
  }
  let scorer = ChunkScorer(program: program, asOf: asOf)
  let shared = chunks
  chunks = []
  let scoreStart = benchSeconds()
  var cpuStart = processCPUSeconds()
  DispatchQueue.concurrentPerform(iterations: cores) { worker in
    var i = worker
    while i < shared.count {
      _ = scorer.score(shared[i], sequence: i)
      i += cores
    }
  }
  let scoreOnly = benchSeconds() - scoreStart
  report("score only, \(cores) threads", count, scoreOnly, cpu: processCPUSeconds() - cpuStart)

  // Reading alone: the serial stage of compare (one SQLite connection).
  let readStart = benchSeconds()
  cpuStart = processCPUSeconds()
  do {
    var rows = 0
    let reader = try RunReader(path: db)
    guard let run = try reader.run(id: 1) else { return }
    try reader.forEachChunk(runs: [run], columns: .full) { chunk in
      rows += chunk.count
      return true
    }
    report(
      "read stored rows only (\(rows) rows, one thread)", count, benchSeconds() - readStart,
      cpu: processCPUSeconds() - cpuStart)
  } catch {
    print("read failed: \(error)")
    return
  }

  guard let challenger = challengerProgram(program) else { return }
  var times: [Double] = []
  for _ in 0..<3 {
    let start = benchSeconds()
    cpuStart = processCPUSeconds()
    do {
      let result = try DatabaseComparison(
        databasePath: db, runID: 1, challenger: challenger, jobs: cores
      ).run()
      let elapsed = benchSeconds() - start
      times.append(elapsed)
      report(
        "compare against a challenger, \(cores) jobs (\(result.compared) compared, "
          + "\(result.eligibility.swapIn) swap in)", count, elapsed,
        cpu: processCPUSeconds() - cpuStart)
    } catch {
      print("compare failed: \(error)")
      return
    }
  }
  let median = times.sorted()[times.count / 2]
  print(
    "  compare (median of 3) / score only: \(benchFixed(100 * scoreOnly / median, 1))% "
      + "of the score-only rate")

  var driftTimes: [Double] = []
  for _ in 0..<3 {
    let start = benchSeconds()
    cpuStart = processCPUSeconds()
    do {
      let drift = try DriftAnalysis(databasePath: db).run()
      let elapsed = benchSeconds() - start
      driftTimes.append(elapsed)
      print(
        "  drift of run 2 against run 1 (\(drift.runCount) + \(drift.baselineCount) ratings, "
          + "score PSI \(drift.scorePSI)): \(benchFixed(elapsed, 2)) s, CPU "
          + "\(benchFixed(processCPUSeconds() - cpuStart, 2)) s")
    } catch {
      print("drift failed: \(error)")
      return
    }
  }
  print("  drift median: \(benchFixed(driftTimes.sorted()[1], 2)) s")
  print("  peak RSS: \(peakRSSMegabytes()) MB (whole bench process)")
}

/// The rules with `green` from 60 points instead of 65 (a realistic rule change).
func challengerProgram(_ program: Program) -> Program? {
  guard let file = fopen(program.file, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65_536)
  while true {
    let n = fread(&buffer, 1, buffer.count, file)
    if n <= 0 { break }
    bytes.append(contentsOf: buffer[0..<n])
  }
  let text = String(decoding: bytes, as: UTF8.self)
  let changed = text.replacing(
    "when score >= 65 and not two_high", with: "when score >= 60 and not two_high")
  do {
    return try Program.compile(source: Array(changed.utf8), file: program.file + " (challenger)")
  } catch {
    print("challenger does not compile: \(error)")
    return nil
  }
}
