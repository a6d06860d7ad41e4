import GreenrateLanguage

/// Decodes JSON objects lying at known places in one buffer — the items of a JSON array
/// in a request body — exactly as JSON Lines records, without copying them out as
/// lines first: record `i` of `ranges` is decoded as if it stood on line `firstLine + i`.
///
/// For `POST /v1/score`, which takes up to 10,000 records in one JSON body.
package struct JSONObjectDecoder {
  private var parser: JSONLineParser
  private let storage: ChunkStorage

  package init(layout: RecordLayout) {
    parser = JSONLineParser(layout: layout, extraFields: [])
    storage = ChunkStorage(layout: layout)
  }

  /// The decoded records and rejects of the objects at `ranges` of `p` (each range one
  /// whole JSON value, already checked), in order.
  package mutating func decode(
    _ p: UnsafePointer<UInt8>, ranges: ArraySlice<Range<Int>>, firstLine: Int
  ) -> ReadChunk {
    var chunk = ReadChunk(records: RecordBuffer(layout: storage.layout))
    var line = firstLine
    for range in ranges {
      _ = parser.parse(
        p, from: range.lowerBound, to: range.upperBound, line: line, storage: storage,
        into: &chunk)
      line += 1
    }
    chunk.records = storage.take()
    return chunk
  }
}
