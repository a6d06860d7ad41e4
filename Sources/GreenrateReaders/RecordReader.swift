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
public final class RecordReader {
  /// The input path, `-` for standard input.
  public let path: String
  public let format: InputFormat
  public let layout: RecordLayout
  /// The extra columns/keys captured raw into `ReadChunk.extras`, in this order.
  public let extraFieldNames: [String]
  /// The input's size in bytes (for progress); nil for standard input or a pipe.
  public let fileSize: Int64?

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

  var csv = CSVPlan()
  var bounds: CSVFieldBounds
  var json = JSONLineParser()
  /// The decoded rows of the chunk being read.
  let storage: ChunkStorage

  /// Opens `path` (`-` = standard input, which needs `format`) and, for CSV, reads and
  /// checks the header. `extraFields` are further columns/keys to capture raw.
  /// `resumeAt` continues after a previous chunk's `endOffset`/`endLine` (files only).
  public init(
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
  public init(
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
    bounds.deallocate()
  }

  /// The next chunk of at most `maxRecords` records and rejects; nil at the end of input.
  public func nextChunk(maxRecords: Int) throws(ReaderError) -> ReadChunk? {
    let limit = max(1, maxRecords)
    var chunk = ReadChunk(records: RecordBuffer(layout: layout))
    switch format {
    case .csv: try readCSV(into: &chunk, limit: limit)
    case .jsonl: try readJSONL(into: &chunk, limit: limit)
    }
    chunk.records = storage.take()
    chunk.endOffset = bufferOffset + Int64(lo)
    chunk.endLine = line
    if chunk.records.count == 0 && chunk.rejects.isEmpty { return nil }
    return chunk
  }

  private func start(resumeAt: (offset: Int64, line: Int)?) throws(ReaderError) {
    _ = try fill()
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
  }
}
