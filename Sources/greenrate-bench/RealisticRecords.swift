import GreenrateEngine
import GreenrateGenerator
import GreenrateLanguage
import GreenrateReaders

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `count` realistic merchants for `layout` (the distributions of `greenrate generate`,
/// seeded), as decoded record chunks held in memory.
///
/// The records go through a temporary CSV file and `RecordReader`, exactly as `batch`
/// would see them, so branch patterns and missing-value rates are those of real runs
/// rather than of uniform noise. Returns nil (after printing why) on any failure.
func realisticRecords(_ layout: RecordLayout, count: Int, seed: UInt64) -> [RecordBuffer]? {
  var template = Array("/tmp/greenrate-score-bench-XXXXXX".utf8CString)
  let fd = template.withUnsafeMutableBufferPointer { p in p.baseAddress.map { mkstemp($0) } ?? -1 }
  guard fd >= 0 else {
    print("cannot create a temporary file: \(String(cString: strerror(errno)))")
    return nil
  }
  let path = template.withUnsafeBufferPointer { p in p.baseAddress.map { String(cString: $0) } ?? ""
  }
  defer { unlink(path) }
  do {
    defer { close(fd) }
    try MerchantGenerator(seed: seed, format: .csv).write(count: count, to: fd)
  } catch {
    print("cannot write realistic records: \(error)")
    return nil
  }
  do {
    let reader = try RecordReader(path: path, format: .csv, layout: layout)
    var chunks: [RecordBuffer] = []
    var rejects = 0
    while let chunk = try reader.nextChunk(maxRecords: 8192) {
      chunks.append(chunk.records)
      rejects += chunk.rejects.count
    }
    if rejects > 0 { print("note: \(rejects) generated records were rejected by the reader") }
    return chunks
  } catch {
    print("cannot read realistic records: \(error)")
    return nil
  }
}
