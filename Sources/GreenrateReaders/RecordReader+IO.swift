extension RecordReader {
  /// Moves the unconsumed bytes to the front and reads until the buffer is full or the
  /// input ends. Grows the buffer (up to `maxRecordBytes`) when the unconsumed bytes
  /// fill it already. Returns false only when the buffer is full and cannot grow.
  func fill() throws(ReaderError) -> Bool {
    if atEOF { return true }
    hashConsumed()
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
      if fileSize == nil, let stopCheck { try waitReadable(stopCheck) }
      guard let n = ReaderSystem.readBytes(fd, into: buffer + hi, count: capacity - hi) else {
        throw ReaderError("cannot read \(path): \(ReaderSystem.errnoText())", interruption: true)
      }
      if n == 0 {
        atEOF = true
        try checkNotShrunk(at: bufferOffset + Int64(hi))
        break
      }
      hi += n
    }
    return true
  }

  /// Waits until the pipe has data or is closed, asking `stop` every 100 ms: a batch
  /// told to stop must not hang in `read` on a writer that sends nothing.
  private func waitReadable(_ stop: () -> Bool) throws(ReaderError) {
    while true {
      if stop() { throw ReaderError("stopped while waiting for \(path)", interruption: true) }
      if ReaderSystem.waitReadable(fd, milliseconds: 100) { return }
    }
  }

  /// A regular file that ends before the size it had when it was opened was cut short
  /// while being read (truncated, or rewritten in place): what is left is not the input
  /// the run started on, so reading stops with an error instead of ending "complete".
  func checkNotShrunk(at end: Int64) throws(ReaderError) {
    guard let size = fileSize, end < size else { return }
    throw ReaderError(
      "\(path) shrank while being read (\(size) bytes when opened, it ends at byte \(end) now)",
      interruption: true)
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
