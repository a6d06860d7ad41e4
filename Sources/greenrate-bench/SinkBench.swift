#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import GreenrateEngine
import GreenrateLanguage

/// The SQLite sink limit: writes already-scored chunks through `ChunkWriter` — the
/// batch's own statements, transactions and progress rows — into a fresh database
/// with nothing else running, and returns the seconds it took.
///
/// `GREENRATE_SINK_ROWS` (rows per INSERT) and `GREENRATE_SINK_PRAGMAS` (extra
/// `;`-separated PRAGMAs) let a write-path variant be measured without a rebuild.
func sinkBench(program: Program, chunks: [ScoredChunk], input: String, path: String, asOf: Int)
  -> Double
{
  removeDatabase(path)
  do {
    let store = try Store(path: path, cacheMegabytes: 32)
    if let rows = benchEnvironment("GREENRATE_SINK_ROWS").flatMap(Int.init) {
      store.rowsPerInsert = rows
    }
    if let pragmas = benchEnvironment("GREENRATE_SINK_PRAGMAS") {
      try store.connection.execute(pragmas)
    }
    let writer = try ChunkWriter.newRun(
      store: store, program: program, rulesPath: program.file, asOf: asOf, input: input)
    let start = benchSeconds()
    for chunk in chunks { try writer.write(chunk) }
    try writer.finish(status: .completed)
    return benchSeconds() - start
  } catch {
    print("sink failed: \(error)")
    return .nan
  }
}

func benchEnvironment(_ name: String) -> String? {
  guard let value = getenv(name) else { return nil }
  return String(cString: value)
}
