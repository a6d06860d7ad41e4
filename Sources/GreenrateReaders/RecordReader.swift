import GreenrateLanguage

/// Streams merchant records from a CSV or JSON Lines file (or standard input) in
/// decoded chunks, turning undecodable records into rejects.
///
/// Reads large blocks with `read(2)` into one buffer that only grows for a record
/// larger than a block, so memory stays bounded by the block size, one record (at
/// most `maxRecordBytes`) and one chunk of decoded records, whatever the input size.
/// Work is done on bytes; strings are built only for `text`/`set` inputs and extras.
///
/// A record that cannot be decoded becomes a `Reject` and reading goes on. After broken
/// CSV quoting (an unclosed quote included) reading resumes on the line after the one
/// where the broken field starts, so a stray quote costs its own record, not every
/// line up to the next quote or the end of the file.
package final class RecordReader {
  /// The input path, `-` for standard input.
  package let path: String
  package let format: InputFormat
  package let layout: RecordLayout
  /// The extra columns/keys captured raw into `ReadChunk.extras`, in this order.
  package let extraFieldNames: [String]
  /// The input's size in bytes (for progress); nil for standard input or a pipe.
  package let fileSize: Int64?

  static let blockSize = 1 << 20
  /// A record longer than this is rejected, which bounds the buffer.
  var maxRecordBytes = 64 << 20

  let fd: Int32
  let ownsDescriptor: Bool
  var buffer: UnsafeMutablePointer<UInt8>
  var capacity: Int
  /// The next unconsumed byte (the start of the next record) in `buffer`.
  var lo = 0
  /// The end of the bytes read into `buffer`.
  var hi = 0
  var atEOF = false
  /// The input offset of `buffer[0]`.
  var bufferOffset: Int64 = 0
  /// The line on which the byte at `lo` lies.
  var line = 1
  /// The hash of the input's bytes before `hashedTo` (see `InputHash`): every byte
  /// consumed is hashed before the buffer drops it.
  var hash = InputHash()
  var hashedTo: Int64 = 0
  /// Asked while waiting on a pipe or terminal that sends nothing: true stops the
  /// reading (a `ReaderError` marked as an interruption). A read of a regular file
  /// never waits long, so it is not asked there.
  package var stopCheck: (@Sendable () -> Bool)?
  /// After a resume: the hash of the bytes before the resume point, as they are now.
  package private(set) var resumePrefixDigest: String?

  var csv = CSVPlan()
  var bounds: CSVFieldBounds
  var json = JSONLineParser()
  /// The decoded rows of the chunk being read.
  let storage: ChunkStorage

  /// Opens `path` (`-` = standard input, which needs `format`) and, for CSV, reads and
  /// checks the header. `extraFields` are further columns/keys to capture raw.
  /// `resumeAt` continues after a previous chunk's `endOffset`/`endLine` (files only).
  package init(
    path: String, format: InputFormat?, layout: RecordLayout, extraFields: [String] = [],
    resumeAt: (offset: Int64, line: Int)? = nil
  ) throws(ReaderError) {
    let isStdin = path == "-"
    guard let resolved = format ?? (isStdin ? nil : InputFormat.from(path: path)) else {
      if isStdin {
        throw ReaderError("reading standard input needs a format (--format csv or jsonl)")
      }
      throw ReaderError(
        "cannot tell the format of \(path) from its extension (.csv, .jsonl or .ndjson); "
          + "use --format csv or jsonl")
    }
    if isStdin && resumeAt != nil {
      throw ReaderError("standard input cannot be resumed")
    }
    var size: Int64? = nil
    let descriptor: Int32
    if isStdin {
      descriptor = 0
    } else {
      (descriptor, size) = try ReaderSystem.openFile(path)
    }
    self.path = path
    self.format = resolved
    self.layout = layout
    self.extraFieldNames = extraFields
    self.fileSize = size
    self.fd = descriptor
    self.ownsDescriptor = !isStdin
    self.capacity = RecordReader.blockSize
    self.buffer = .allocate(capacity: RecordReader.blockSize)
    self.bounds = CSVFieldBounds(capacity: 16)
    self.storage = ChunkStorage(layout: layout)
    try start(resumeAt: resumeAt)
  }

  /// Reads records from bytes in memory (e.g. `score --record JSON`), in the given
  /// format; for CSV the bytes start with the header.
  package init(
    bytes: [UInt8], format: InputFormat, layout: RecordLayout, extraFields: [String] = []
  ) throws(ReaderError) {
    self.path = "-"
    self.format = format
    self.layout = layout
    self.extraFieldNames = extraFields
    self.fileSize = Int64(bytes.count)
    self.fd = -1
    self.ownsDescriptor = false
    self.capacity = max(1, bytes.count)
    let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
    bytes.withUnsafeBufferPointer { b in
      if let base = b.baseAddress { memory.initialize(from: base, count: b.count) }
    }
    self.buffer = memory
    self.hi = bytes.count
    self.atEOF = true
    self.bounds = CSVFieldBounds(capacity: 16)
    self.storage = ChunkStorage(layout: layout)
    try start(resumeAt: nil)
  }

  deinit {
    if ownsDescriptor { ReaderSystem.closeFile(fd) }
    buffer.deallocate()
  }

  /// The next chunk of at most `maxRecords` records and rejects; nil at the end of input.
  package func nextChunk(maxRecords: Int) throws(ReaderError) -> ReadChunk? {
    let limit = max(1, maxRecords)
    var chunk = ReadChunk(records: RecordBuffer(layout: layout))
    switch format {
    case .csv: try readCSV(into: &chunk, limit: limit)
    case .jsonl: try readJSONL(into: &chunk, limit: limit)
    }
    chunk.records = storage.take()
    hashConsumed()
    chunk.inputDigest = hash.digest
    chunk.endOffset = bufferOffset + Int64(lo)
    chunk.endLine = line
    if chunk.records.count == 0 && chunk.rejects.isEmpty { return nil }
    return chunk
  }

  private func start(resumeAt: (offset: Int64, line: Int)?) throws(ReaderError) {
    _ = try fill()
    if let problem = EncodingSniffer.utf16Problem(
      UnsafeBufferPointer(start: UnsafePointer(buffer) + lo, count: hi - lo))
    {
      throw ReaderError(problem)
    }
    if hi - lo >= 3 && buffer[lo] == 0xEF && buffer[lo + 1] == 0xBB && buffer[lo + 2] == 0xBF {
      lo += 3
    }
    switch format {
    case .csv: try readCSVHeader()
    case .jsonl: json = JSONLineParser(layout: layout, extraFields: extraFieldNames)
    }
    guard let resume = resumeAt else { return }
    let here = bufferOffset + Int64(lo)
    guard resume.offset > here else { return }
    guard ReaderSystem.seek(fd, to: resume.offset) else {
      throw ReaderError(
        "cannot resume \(path) at byte \(resume.offset): \(ReaderSystem.errnoText())")
    }
    lo = 0
    hi = 0
    atEOF = false
    bufferOffset = resume.offset
    line = resume.line
    hash = try hashPrefix(resume.offset)
    hashedTo = resume.offset
    resumePrefixDigest = hash.digest
  }

  /// Hashes the bytes consumed since the last call, before the buffer may drop them.
  func hashConsumed() {
    let upTo = bufferOffset + Int64(lo)
    guard upTo > hashedTo else { return }
    hash.update(buffer + Int(hashedTo - bufferOffset), count: Int(upTo - hashedTo))
    hashedTo = upTo
  }

  /// The hash of the file's first `length` bytes as they are now (read with `pread`,
  /// so the reading position is left alone).
  private func hashPrefix(_ length: Int64) throws(ReaderError) -> InputHash {
    var prefix = InputHash()
    let block = UnsafeMutablePointer<UInt8>.allocate(capacity: RecordReader.blockSize)
    defer { block.deallocate() }
    var offset: Int64 = 0
    while offset < length {
      let want = Int(min(Int64(RecordReader.blockSize), length - offset))
      let read = ReaderSystem.readBytes(fd, into: block, count: want, at: offset)
      guard let n = read, n > 0 else {
        throw ReaderError(
          read == 0
            ? "\(path) is shorter than the run's resume point (byte \(length))"
            : "cannot read \(path): \(ReaderSystem.errnoText())")
      }
      prefix.update(block, count: n)
      offset += Int64(n)
    }
    return prefix
  }
}
