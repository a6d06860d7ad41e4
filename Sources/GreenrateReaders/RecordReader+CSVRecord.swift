import GreenrateLanguage

extension RecordReader {
  /// Decodes the scanned record at `lo` (starting on `line`) into `chunk`, or rejects it.
  func decodeCSVRecord(fields: Int, into chunk: inout ReadChunk) {
    let recordLine = line
    let columnCount = csv.header.count
    let b = bounds
    if fields != columnCount {
      let key = csv.keyColumn < fields ? keyText(column: csv.keyColumn)?.string : nil
      chunk.rejects.append(
        Reject(
          line: recordLine, merchantID: key,
          message: "the record has \(fields) field\(fields == 1 ? "" : "s"), "
            + "the header has \(columnCount)"))
      return
    }
    for f in 0..<fields where b.flags[f] & CSVFieldBounds.nonASCII != 0 {
      if !UTF8Validation.isValid(buffer + b.starts[f], count: b.ends[f] - b.starts[f]) {
        let key = f == csv.keyColumn ? nil : keyText(column: csv.keyColumn)?.string
        chunk.rejects.append(
          Reject(line: recordLine, merchantID: key, message: "\(columnLabel(f)): invalid UTF-8"))
        return
      }
    }
    guard let key = keyText(column: csv.keyColumn) else {
      chunk.rejects.append(
        Reject(line: recordLine, merchantID: nil, message: "\(columnLabel(csv.keyColumn)) is empty")
      )
      return
    }
    let storage = storage
    let row = storage.beginRow(line: recordLine)
    let scalars = storage.scalars + row * storage.scalarCount
    storage.setText(key, row: row, slot: csv.keySlot)
    let extraCount = csv.extraCount
    if extraCount > 0 {
      for _ in 0..<extraCount { chunk.extras.append(.missing) }
      if csv.keyExtra >= 0 { chunk.extras[row * extraCount + csv.keyExtra] = .text(key.string) }
    }
    let problem = csv.columns.withUnsafeBufferPointer { columns -> (Int, String)? in
      for column in columns {
        let f = column.column
        let start = b.starts[f]
        let n = b.ends[f] - start
        if n == 0 {
          if column.isOptional || column.kind == .set { continue }
          return (f, " is missing")
        }
        if b.flags[f] & CSVFieldBounds.escaped != 0 || column.extra >= 0 {
          if let problem = withCell(f, { p, n in decodeRare(p, n, column, row: row, into: &chunk) })
          {
            return (f, problem)
          }
          continue
        }
        let p = UnsafePointer(buffer + start)
        if let problem = decodeCell(p, n, column, row: row, scalars: scalars) {
          return (f, problem)
        }
      }
      return nil
    }
    if let (f, message) = problem {
      storage.abandonRow()
      if extraCount > 0 { chunk.extras.removeLast(extraCount) }
      chunk.rejects.append(
        Reject(line: recordLine, merchantID: key.string, message: columnLabel(f) + message))
      return
    }
    storage.commitRow()
  }

  /// Decodes a cell with doubled quotes or one also captured as an extra field.
  private func decodeRare(
    _ p: UnsafePointer<UInt8>, _ n: Int, _ column: CSVPlan.Column, row: Int,
    into chunk: inout ReadChunk
  ) -> String? {
    if n == 0 {
      return column.isOptional || column.kind == .set ? nil : " is missing"
    }
    if column.extra >= 0 {
      chunk.extras[row * csv.extraCount + column.extra] = .text(
        String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }
    let scalars = storage.scalars + row * storage.scalarCount
    return decodeCell(p, n, column, row: row, scalars: scalars)
  }

  /// Decodes a non-empty cell into its slot (`scalars` is the row's first scalar); on
  /// failure, what is wrong with it, to follow the column's label.
  @inline(__always)
  private func decodeCell(
    _ p: UnsafePointer<UInt8>, _ n: Int, _ column: CSVPlan.Column, row: Int,
    scalars: UnsafeMutablePointer<Double>
  ) -> String? {
    switch column.kind {
    case .number:
      let x = DecimalNumber.parseCSV(p, count: n)
      if x.isNaN { return ": " + CellDecoder.numberError(p, count: n).message }
      scalars[column.slot] = x
    case .bool:
      let v = CellDecoder.bool(p, count: n)
      if v < 0 { return ": " + CellDecoder.boolError(p, count: n).message }
      scalars[column.slot] = Double(v)
    case .date:
      guard let day = CellDecoder.date(p, count: n) else {
        return ": " + CellDecoder.dateError(p, count: n).message
      }
      scalars[column.slot] = Double(day)
    case .text:
      storage.setText(CellDecoder.text(p, count: n), row: row, slot: column.slot)
    case .set:
      storage.setSet(CellDecoder.set(p, count: n), row: row, slot: column.slot)
    case .extraOnly:
      break
    }
    return nil
  }

  /// The key cell as a text; nil when empty or not valid UTF-8.
  func keyText(column k: Int) -> Text? {
    withCell(k) { p, n -> Text? in
      guard n > 0 else { return nil }
      if bounds.flags[k] & CSVFieldBounds.nonASCII != 0 && !UTF8Validation.isValid(p, count: n) {
        return nil
      }
      return CellDecoder.text(p, count: n)
    }
  }

  /// Calls `body` with a scanned field's content, doubled quotes undone.
  @inline(__always)
  func withCell<R>(_ field: Int, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
    let start = bounds.starts[field]
    let end = bounds.ends[field]
    if bounds.flags[field] & CSVFieldBounds.escaped == 0 {
      return body(buffer + start, end - start)
    }
    var unescaped: [UInt8] = []
    unescaped.reserveCapacity(end - start)
    var i = start
    while i < end {
      let c = buffer[i]
      unescaped.append(c)
      i += c == UInt8(ascii: "\"") ? 2 : 1
    }
    return unescaped.withUnsafeBufferPointer { b in
      body(b.baseAddress ?? UnsafePointer(buffer), b.count)
    }
  }
}
