extension RecordReader {
  /// Reads lines until `limit` records and rejects are in `chunk` or the input ends.
  func readJSONL(into chunk: inout ReadChunk, limit: Int) throws(ReaderError) {
    var produced = 0
    while produced < limit {
      if lo == hi {
        if atEOF { return }
        _ = try fill()
        continue
      }
      var lineEnd = hi
      var next = hi
      if let found = ReaderSystem.firstNewline(buffer + lo, count: hi - lo) {
        lineEnd = lo + found
        next = lineEnd + 1
      } else if !atEOF {
        if try fill() { continue }
        chunk.rejects.append(
          Reject(
            line: line, merchantID: nil,
            message: "the line is longer than \(sizeText(capacity))"))
        produced += 1
        try skipPastLineEnd(from: lo)
        line += 1
        continue
      }
      var end = lineEnd
      if end > lo && buffer[end - 1] == 0x0D { end -= 1 }
      if json.parse(
        UnsafePointer(buffer), from: lo, to: end, line: line, storage: storage, into: &chunk)
      {
        produced += 1
      }
      lo = next
      if next > lineEnd { line += 1 }
    }
  }
}
