extension RecordReader {
  /// Moves the unconsumed bytes to the front and reads until the buffer is full or the
  /// input ends. Grows the buffer (up to `maxRecordBytes`) when the unconsumed bytes
  /// fill it already. Returns false only when the buffer is full and cannot grow.
  func fill() throws(ReaderError) -> Bool {
    if atEOF { return true }
    if lo > 0 {
      let kept = hi - lo
      if kept > 0 { (buffer).update(from: buffer + lo, count: kept) }
      bufferOffset += Int64(lo)
      hi = kept
      lo = 0
    }
    if hi == capacity {
      guard capacity < maxRecordBytes else { return false }
      let grown = min(capacity * 2, max(maxRecordBytes, RecordReader.blockSize))
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
      bigger.update(from: buffer, count: hi)
      buffer.deallocate()
      buffer = bigger
      capacity = grown
    }
    // Reading until full means a record that spans blocks is rescanned only after the
    // buffer doubled, which keeps huge fields linear.
    while hi < capacity {
      guard let n = ReaderSystem.readBytes(fd, into: buffer + hi, count: capacity - hi) else {
        throw ReaderError("cannot read \(path): \(ReaderSystem.errnoText())")
      }
      if n == 0 {
        atEOF = true
        break
      }
      hi += n
    }
    return true
  }

  /// Consumes everything up to and including the first LF at or after `index`, reading
  /// on (and discarding) as needed; the line counter is the caller's business.
  func skipPastLineEnd(from index: Int) throws(ReaderError) {
    var i = index
    while true {
      if i < hi, let found = ReaderSystem.firstNewline(buffer + i, count: hi - i) {
        lo = i + found + 1
        return
      }
      lo = hi
      if atEOF { return }
      _ = try fill()
      i = lo
      if lo == hi && atEOF { return }
    }
  }

  /// A buffer size in words: `64 MiB`, or bytes when not a whole number of MiB.
  func sizeText(_ bytes: Int) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }
}
