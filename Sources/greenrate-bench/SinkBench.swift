import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The SQLite sink limit: writes already-scored chunks through `ChunkWriter` — the
/// batch's own statements, transactions and progress rows — into a fresh database
/// with nothing else running, and returns the seconds it took.
///
/// `GREENRATE_SINK_PRAGMAS` (extra `;`-separated PRAGMAs) lets a write-path variant be
/// measured without a rebuild.
func sinkBench(program: Program, chunks: [ScoredChunk], input: String, path: String, asOf: Int)
  -> Double
{
  removeDatabase(path)
  do {
    var store: Store? = try Store(path: path, cacheMegabytes: 16)
    guard let opened = store else { return .nan }
    if let pragmas = benchEnvironment("GREENRATE_SINK_PRAGMAS") {
      try opened.connection.execute(pragmas)
    }
    var writer: ChunkWriter? = try ChunkWriter.newRun(
      store: opened, program: program, rulesPath: program.file, asOf: asOf, input: input)
    let start = benchSeconds()
    let cpuStart = threadCPUSeconds()
    for chunk in chunks { try writer?.write(chunk) }
    try writer?.finish(status: .completed)
    // Closing is part of the work, as it is for the batch: the last connection's close
    // checkpoints what is left in the WAL.
    writer = nil
    store = nil
    let cpu = threadCPUSeconds() - cpuStart
    let elapsed = benchSeconds() - start
    print("  sink CPU time (writer thread): \(benchFixed(cpu, 2)) s")
    return elapsed
  } catch {
    print("sink failed: \(error)")
    return .nan
  }
}

func benchEnvironment(_ name: String) -> String? {
  guard let value = getenv(name) else { return nil }
  return String(cString: value)
}

/// CPU seconds used by the calling thread (user and system): the writer's own cost,
/// whatever else competes for the cores.
func threadCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}
