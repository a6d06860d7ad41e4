import GreenrateLanguage

extension RecordReader {
  /// Reads the header row (the first non-empty line) and plans the columns.
  func readCSVHeader() throws(ReaderError) {
    while true {
      guard let outcome = try scanNextRow() else {
        let key = layout.fields.isEmpty ? "" : layout.fields[layout.keyField].name
        throw ReaderError("the input is empty: it has no header row (no column \"\(key)\")")
      }
      switch outcome {
      case .record(let end, let lines, let fields):
        if fields > bounds.capacity {
          bounds.deallocate()
          bounds = CSVFieldBounds(capacity: fields + 1)
          continue
        }
        var names: [String] = []
        for f in 0..<fields {
          let bytes = cellBytes(field: f)
          guard
            UTF8Validation.isValid(bytes.baseAddress ?? UnsafePointer(buffer), count: bytes.count)
          else {
            throw ReaderError("line \(line): the header is not valid UTF-8 (column \(f + 1))")
          }
          names.append(String(decoding: bytes, as: UTF8.self))
        }
        csv = try CSVPlan(header: names, layout: layout, extraFields: extraFieldNames)
        bounds.deallocate()
        bounds = CSVFieldBounds(capacity: fields + 1)
        lo = end
        line += lines
        return
      case .incomplete:
        guard try fill() else {
          throw ReaderError("line \(line): the header is longer than \(sizeText(capacity))")
        }
      case .malformed(let problem, let at):
        throw ReaderError(
          "line \(line): the header is malformed: column \(at.field + 1): "
            + describe(problem, fieldLine: line + at.lines))
      }
    }
  }

  /// Scans the next row that is not an empty line, reading more input as needed; nil
  /// when the input ends first.
  @inline(__always)
  func scanNextRow() throws(ReaderError) -> CSVScanner.Outcome? {
    while true {
      if lo == hi {
        if atEOF { return nil }
        _ = try fill()
        continue
      }
      if try skipBlankLine() { continue }
      return CSVScanner.scan(UnsafePointer(buffer), from: lo, to: hi, atEOF: atEOF, into: bounds)
    }
  }

  /// Consumes one empty line (LF or CRLF) at `lo` if there is one.
  @inline(__always)
  func skipBlankLine() throws(ReaderError) -> Bool {
    let c = buffer[lo]
    if c == 0x0A {
      lo += 1
      line += 1
      return true
    }
    guard c == 0x0D else { return false }
    if lo + 1 == hi {
      if atEOF {
        lo += 1
        return true
      }
      _ = try fill()
      return true  // look again with more bytes
    }
    if buffer[lo + 1] == 0x0A {
      lo += 2
      line += 1
      return true
    }
    return false
  }

  /// Reads records until `limit` records and rejects are in `chunk` or the input ends.
  func readCSV(into chunk: inout ReadChunk, limit: Int) throws(ReaderError) {
    var produced = 0
    while produced < limit {
      guard let outcome = try scanNextRow() else { return }
      switch outcome {
      case .record(let end, let lines, let fields):
        decodeCSVRecord(fields: fields, into: &chunk)
        lo = end
        line += lines
        produced += 1
      case .incomplete(let at):
        if try fill() { continue }
        // The record does not fit in the largest buffer allowed.
        let message =
          at.start < hi && buffer[at.start] == UInt8(ascii: "\"")
          ? "\(columnLabel(at.field)): the quote opened on line \(line + at.lines) is not closed "
            + "within \(sizeText(capacity))"
          : "the record is longer than \(sizeText(capacity))"
        chunk.rejects.append(
          Reject(line: line, merchantID: keyIfScanned(before: at.field), message: message))
        produced += 1
        let resumeLine = line + at.lines + 1
        try skipPastLineEnd(from: at.start)
        line = resumeLine
      case .malformed(let problem, let at):
        let fieldLine = line + at.lines
        chunk.rejects.append(
          Reject(
            line: line, merchantID: keyIfScanned(before: at.field),
            message: "\(columnLabel(at.field)): " + describe(problem, fieldLine: fieldLine)))
        produced += 1
        // Resume on the line after the one where the broken field starts: a stray
        // quote then costs its own line only, not every line it swallowed.
        try skipPastLineEnd(from: at.start)
        line = fieldLine + 1
      }
    }
  }

  /// `field "NAME"` for a column of the header (or its number past the header's end).
  func columnLabel(_ column: Int) -> String {
    column < csv.header.count ? "field \"\(csv.header[column])\"" : "field \(column + 1)"
  }

  func describe(_ problem: CSVScanner.Problem, fieldLine: Int) -> String {
    switch problem {
    case .neverClosed: return "the quote opened on line \(fieldLine) is never closed"
    case .textAfterQuote: return "text after the closing quote (a quote inside must be doubled)"
    case .quoteInUnquoted: return "a quote inside a field that is not quoted"
    }
  }

  /// The raw bytes of a scanned field (before undoing doubled quotes).
  func cellBytes(field: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(
      start: buffer + bounds.starts[field], count: bounds.ends[field] - bounds.starts[field])
  }

  /// The key of a record whose fields up to `field` (exclusive) were scanned, if it
  /// can be read.
  func keyIfScanned(before field: Int) -> String? {
    let k = csv.keyColumn
    guard k < field, k < bounds.capacity else { return nil }
    return keyText(column: k)?.string
  }
}
