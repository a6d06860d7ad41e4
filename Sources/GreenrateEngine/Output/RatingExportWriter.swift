import GreenrateStore

/// Renders export rows as CSV or JSON Lines into a byte buffer the caller drains.
///
/// CSV: `merchant_id, run_id, score, rating, eligible, reasons, knockouts, denials`, then
/// `factor.NAME` (points) per factor and `output.NAME` per output; code lists joined
/// with `;` like a `set` cell; a field is quoted only when it holds `,`, `"`, CR or LF.
/// JSON Lines: `{"merchant_id", "run_id", "score", "rating", "eligible", "reasons",
/// "knockouts", "denials", "factors": {NAME: points}, "outputs": {...}}`, the shape of
/// `greenrate score`'s results plus the run.
struct RatingExportWriter {
  /// Buffer size at which the store hands the bytes to the sink.
  static let flushBytes = 1 << 20

  let plan: ExportPlan
  let format: ExportFormat
  let excel: Bool
  var out: [UInt8] = []
  /// Per output column, its name's bytes (to match the stored object's keys).
  private let outputKeys: [[UInt8]]
  /// Per run, per factor: `"NAME":` for JSON Lines.
  private var factorKeys: [Int64: [[UInt8]]] = [:]
  /// Scratch for one field, and the cells of the factor and output columns.
  private var field: [UInt8] = []
  private var cells: [[UInt8]]
  private var filled: [Bool]

  init(plan: ExportPlan, format: ExportFormat, excel: Bool) {
    self.plan = plan
    self.format = format
    self.excel = excel
    out.reserveCapacity(Self.flushBytes + 4096)
    outputKeys = plan.outputNames.map { Array($0.utf8) }
    let width = plan.factorNames.count + plan.outputNames.count
    cells = Array(repeating: [], count: width)
    filled = Array(repeating: false, count: width)
    for (id, layout) in plan.runs {
      factorKeys[id] = layout.factorColumns.map { column in
        var w = JSONWriter(capacity: 32)
        w.string(plan.factorNames[column])
        w.byte(UInt8(ascii: ":"))
        return w.bytes
      }
    }
  }

  private mutating func endLine() {
    if excel { out.append(0x0D) }
    out.append(0x0A)
  }

  /// The CSV header row (with a UTF-8 byte order mark first for Excel); nothing for
  /// JSON Lines.
  mutating func header() {
    guard format == .csv else { return }
    if excel { out += [0xEF, 0xBB, 0xBF] }
    var names = [
      "merchant_id", "run_id", "score", "rating", "eligible", "reasons", "knockouts", "denials",
    ]
    names += plan.factorNames.map { "factor.\($0)" }
    names += plan.outputNames.map { "output.\($0)" }
    for (i, name) in names.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      field.removeAll(keepingCapacity: true)
      field += name.utf8
      appendCSVField()
    }
    endLine()
  }

  mutating func row(_ row: ExportRow) {
    switch format {
    case .csv: csvRow(row)
    case .jsonl: jsonRow(row)
    }
  }

  // MARK: CSV

  private mutating func csvRow(_ row: ExportRow) {
    field.removeAll(keepingCapacity: true)
    field += row.key
    appendCSVField()
    out.append(UInt8(ascii: ","))
    Self.append(row.runID, into: &out)
    out.append(UInt8(ascii: ","))
    Self.append(row.score, into: &out)
    out.append(UInt8(ascii: ","))
    field.removeAll(keepingCapacity: true)
    field += row.rating
    appendCSVField()
    out.append(UInt8(ascii: ","))
    if row.eligible { out += "true".utf8 } else { out += "false".utf8 }
    codeList(row.reasons)
    codeList(row.knockouts)
    codeList(row.denials)
    fillCells(row)
    for i in cells.indices {
      out.append(UInt8(ascii: ","))
      if filled[i] {
        field.removeAll(keepingCapacity: true)
        field += cells[i]
        appendCSVField()
      }
    }
    endLine()
  }

  /// `,` and a stored list of codes as one CSV field.
  private mutating func codeList(_ list: UnsafeRawBufferPointer) {
    out.append(UInt8(ascii: ","))
    guard list.count > 2 else { return }  // `[]`
    field.removeAll(keepingCapacity: true)
    appendJoined(list)
    appendCSVField()
  }

  /// Factor points and output values into `cells` (as CSV text, unquoted).
  private mutating func fillCells(_ row: ExportRow) {
    for i in filled.indices { filled[i] = false }
    if let layout = plan.runs[row.runID] {
      var index = 0
      for (f, column) in layout.factorColumns.enumerated() {
        let band = Self.varint(row.factors, &index)
        let points = layout.bandPoints[f]
        if band < points.count {
          cells[column] = points[band]
          filled[column] = true
        }
      }
    }
    let base = plan.factorNames.count
    Self.eachOutput(row.outputs, keys: outputKeys) { column, p, start, end in
      var cell: [UInt8] = []
      swap(&cell, &cells[base + column])
      cell.removeAll(keepingCapacity: true)
      switch p[start] {
      case JSONBytes.quote: _ = JSONBytes.decodeString(p, start, into: &cell)
      case UInt8(ascii: "["): Self.join(p, start, into: &cell)
      case UInt8(ascii: "n"): break
      default: cell += UnsafeRawBufferPointer(rebasing: p[start..<end])
      }
      swap(&cell, &cells[base + column])
      filled[base + column] = p[start] != UInt8(ascii: "n")
    }
  }

  /// Calls `body` with each stored output's column and its value's bounds.
  private static func eachOutput(
    _ p: UnsafeRawBufferPointer, keys outputKeys: [[UInt8]],
    _ body: (Int, UnsafeRawBufferPointer, Int, Int) -> Void
  ) {
    var i = JSONBytes.skipSpace(p, 0)
    guard i < p.count, p[i] == UInt8(ascii: "{") else { return }
    i += 1
    var expected = 0
    while true {
      i = JSONBytes.skipSpace(p, i)
      guard i < p.count, p[i] == JSONBytes.quote else { return }
      let keyEnd = JSONBytes.skipString(p, i)
      let key = UnsafeRawBufferPointer(rebasing: p[(i + 1)..<max(i + 1, keyEnd - 1)])
      // Stored objects follow the declaration order: try the next column first.
      var column = -1
      if expected < outputKeys.count, outputKeys[expected].elementsEqual(key) {
        column = expected
      } else {
        column = outputKeys.firstIndex { $0.elementsEqual(key) } ?? -1
      }
      i = JSONBytes.skipSpace(p, keyEnd)
      guard i < p.count, p[i] == UInt8(ascii: ":") else { return }
      let start = JSONBytes.skipSpace(p, i + 1)
      let end = JSONBytes.skipValue(p, start)
      if column >= 0, start < end {
        body(column, p, start, end)
        expected = column + 1
      }
      i = JSONBytes.skipSpace(p, end)
      guard i < p.count, p[i] == UInt8(ascii: ",") else { return }
      i += 1
    }
  }

  /// A stored JSON array of strings into `field`, joined with `;`.
  private mutating func appendJoined(_ p: UnsafeRawBufferPointer) {
    let start = JSONBytes.skipSpace(p, 0)
    guard start < p.count, p[start] == UInt8(ascii: "[") else { return }
    Self.join(p, start, into: &field)
  }

  /// The array at `start` (strings decoded, other values as written) joined with `;`.
  private static func join(_ p: UnsafeRawBufferPointer, _ start: Int, into out: inout [UInt8]) {
    var i = start + 1
    var first = true
    while true {
      i = JSONBytes.skipSpace(p, i)
      guard i < p.count, p[i] != UInt8(ascii: "]") else { return }
      if !first { out.append(UInt8(ascii: ";")) }
      first = false
      if p[i] == JSONBytes.quote {
        i = JSONBytes.decodeString(p, i, into: &out)
      } else {
        let end = JSONBytes.skipValue(p, i)
        out += UnsafeRawBufferPointer(rebasing: p[i..<end])
        i = end
      }
      i = JSONBytes.skipSpace(p, i)
      guard i < p.count, p[i] == UInt8(ascii: ",") else { return }
      i += 1
    }
  }

  /// `field` as one CSV field: quoted (quotes doubled) only when it needs to be.
  private mutating func appendCSVField() {
    let needsQuotes = field.withUnsafeBufferPointer { bytes in
      bytes.contains { b in b == UInt8(ascii: ",") || b == JSONBytes.quote || b == 0x0A || b == 0x0D
      }
    }
    guard needsQuotes else {
      out += field
      return
    }
    out.append(JSONBytes.quote)
    for b in field {
      if b == JSONBytes.quote { out.append(JSONBytes.quote) }
      out.append(b)
    }
    out.append(JSONBytes.quote)
  }

  // MARK: JSON Lines

  private mutating func jsonRow(_ row: ExportRow) {
    var w = JSONWriter(capacity: 0)
    swap(&w.bytes, &out)
    w.raw("{\"merchant_id\":")
    row.key.withMemoryRebound(to: UInt8.self) { w.string(utf8: $0) }
    w.raw(",\"run_id\":")
    w.number(Double(row.runID))
    w.raw(",\"score\":")
    w.number(row.score)
    w.raw(",\"rating\":")
    row.rating.withMemoryRebound(to: UInt8.self) { w.string(utf8: $0) }
    w.raw(",\"eligible\":")
    w.bool(row.eligible)
    w.raw(",\"reasons\":")
    Self.rawJSON(row.reasons, or: "[]", into: &w)
    w.raw(",\"knockouts\":")
    Self.rawJSON(row.knockouts, or: "[]", into: &w)
    w.raw(",\"denials\":")
    Self.rawJSON(row.denials, or: "[]", into: &w)
    w.raw(",\"factors\":{")
    if let layout = plan.runs[row.runID], let keys = factorKeys[row.runID] {
      var index = 0
      for f in layout.factorColumns.indices {
        let band = Self.varint(row.factors, &index)
        let points = layout.bandPoints[f]
        if f > 0 { w.byte(UInt8(ascii: ",")) }
        w.bytes += keys[f]
        if band < points.count { w.bytes += points[band] } else { w.null() }
      }
    }
    w.raw("},\"outputs\":")
    Self.rawJSON(row.outputs, or: "{}", into: &w)
    w.raw("}\n")
    swap(&w.bytes, &out)
  }

  /// Stored JSON copied as it is (it was written by `JSONWriter`), or `empty`.
  private static func rawJSON(
    _ p: UnsafeRawBufferPointer, or empty: StaticString, into w: inout JSONWriter
  ) {
    if p.isEmpty { w.raw(empty) } else { w.bytes += p }
  }

  /// An integer in decimal, without building a String.
  static func append(_ value: Int64, into out: inout [UInt8]) {
    var v = value.magnitude
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var digits: (UInt64, Int) = (0, 0)
    repeat {
      digits.0 = digits.0 &* 10 &+ v % 10
      digits.1 += 1
      v /= 10
    } while v > 0 && digits.1 < 19
    if v > 0 {
      out += String(value).utf8
      return
    }
    for _ in 0..<digits.1 {
      out.append(UInt8(ascii: "0") + UInt8(digits.0 % 10))
      digits.0 /= 10
    }
  }

  /// A number as `JSONWriter.number` writes it; whole numbers without a String.
  static func append(_ x: Double, into out: inout [UInt8]) {
    if x == x.rounded(), abs(x) < 1e15, !(x == 0 && x.sign == .minus) {
      append(Int64(x), into: &out)
    } else {
      out += ExportPlan.render(x)
    }
  }

  /// The next LEB128 varint of `p` from `index`.
  private static func varint(_ p: UnsafeRawBufferPointer, _ index: inout Int) -> Int {
    var value = 0
    var shift = 0
    while index < p.count {
      let b = p[index]
      index += 1
      value |= Int(b & 0x7F) << shift
      shift += 7
      if b < 0x80 || shift > 56 { break }
    }
    return value
  }
}
