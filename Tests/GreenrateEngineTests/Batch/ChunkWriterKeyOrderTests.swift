import Testing

@testable import GreenrateEngine

/// The batch inserts each group of chunks in key order; these check that order against
/// a plain byte-wise sort, on keys that stress the 8-byte prefix shortcut.
@Suite struct ChunkWriterKeyOrderTests {
  /// A chunk whose rows have these keys and empty other columns.
  func chunk(_ keys: [String], sequence: Int) -> ScoredChunk {
    var chunk = ScoredChunk(sequence: sequence)
    for (i, key) in keys.enumerated() {
      chunk.lines.append(i + 2)
      chunk.scores.append(0)
      chunk.ratingIndexes.append(0)
      chunk.eligible.append(false)
      chunk.hashes.append(Int64(i))
      chunk.mark()
      chunk.data.bytes += Array(key.utf8)
      for segment in 1..<ScoredChunk.Segment.allCases.count {
        chunk.mark()
        // The record segment names the row, to follow it through the sort.
        if segment == ScoredChunk.Segment.record.rawValue {
          chunk.data.bytes += Array("r\(i)".utf8)
        }
      }
      chunk.mark()
    }
    chunk.sortByKey()
    return chunk
  }

  /// Keys sharing long prefixes, of every length around 8 bytes, with NUL and
  /// multi-byte characters.
  func keys(_ count: Int, seed: UInt64) -> [String] {
    var state = seed
    let pieces = ["", "A", "B", "\u{0}", "é", "Z", "M0000000", "M00000001", "🙂"]
    return (0..<count).map { _ in
      var key = ""
      for _ in 0..<3 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        key += pieces[Int(state >> 33) % pieces.count]
      }
      return key
    }
  }

  @Test func chunksSortByKeyBytesThenRow() {
    let names = keys(500, seed: 1)
    let sorted = chunk(names, sequence: 0)
    let expected = names.indices.sorted { a, b in
      let ka = Array(names[a].utf8)
      let kb = Array(names[b].utf8)
      return ka == kb ? a < b : ka.lexicographicallyPrecedes(kb)
    }
    // Rows are moved into key order; each keeps its line (input position + 2).
    #expect(sorted.lines.map { $0 - 2 } == expected)
    #expect((0..<names.count).map { sorted.key(row: $0) } == expected.map { names[$0] })
    #expect(sorted.sortedPrefixes.count == names.count)
    // Every column moved with its row.
    #expect(sorted.hashes.map { Int($0) } == expected)
    #expect(
      (0..<names.count).map { row in
        String(decoding: sorted.data.bytes[sorted.range(row: row, .record)], as: UTF8.self)
      } == expected.map { "r\($0)" })
  }

  @Test(arguments: [false, true])
  func groupsMergeInKeyThenChunkOrder(sortedInput: Bool) {
    var all = keys(1200, seed: 2)
    if sortedInput { all.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
    let sizes = [0, 1, 300, 250, 0, 649]
    var chunks: [ScoredChunk] = []
    var start = 0
    for (i, size) in sizes.enumerated() {
      chunks.append(chunk(Array(all[start..<start + size]), sequence: i))
      start += size
    }
    var order: [ChunkWriter.GroupRow] = []
    ChunkWriter.withPinnedBytes(chunks[...], pinned: []) { bases in
      order = ChunkWriter.mergedOrder(chunks, bases: bases)
    }
    var expected: [(chunk: Int, row: Int, key: [UInt8])] = []
    start = 0
    for (c, size) in sizes.enumerated() {
      for row in 0..<size { expected.append((c, row, Array(all[start + row].utf8))) }
      start += size
    }
    expected.sort { a, b in
      a.key == b.key ? (a.chunk, a.row) < (b.chunk, b.row) : a.key.lexicographicallyPrecedes(b.key)
    }
    #expect(
      order.map { [$0.chunk, chunks[$0.chunk].lines[$0.row] - 2] }
        == expected.map { [$0.chunk, $0.row] })
  }
}
