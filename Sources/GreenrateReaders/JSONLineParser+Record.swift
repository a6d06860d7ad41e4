import GreenrateLanguage

extension JSONLineParser {
  /// Decodes the record on `p[start..<end]` (without its line end) into `chunk` or
  /// rejects it; returns false for a blank line (nothing produced).
  mutating func parse(
    _ p: UnsafePointer<UInt8>, from start: Int, to end: Int, line: Int, storage: ChunkStorage,
    into chunk: inout ReadChunk
  ) -> Bool {
    var i = start
    JSONScanner.skipWhitespace(p, &i, end)
    if i == end { return false }
    recordNumber += 1
    otherKeys.removeAll(keepingCapacity: true)
    otherKeyStarts.removeAll(keepingCapacity: true)
    if !otherKeySet.isEmpty { otherKeySet.removeAll() }
    let row = storage.beginRow(line: line)
    for _ in 0..<extraCount { chunk.extras.append(.missing) }
    var state = RecordState()
    var fault: JSONScanner.Fault? = nil
    var member: (start: Int, end: Int)? = nil
    do throws(JSONScanner.Fault) {
      guard p[i] == UInt8(ascii: "{") else { throw .expected("a JSON object", at: i) }
      i += 1
      JSONScanner.skipWhitespace(p, &i, end)
      if i < end && p[i] == UInt8(ascii: "}") {
        i += 1
      } else {
        var position = 0
        while true {
          guard i < end && p[i] == UInt8(ascii: "\"") else {
            throw .expected("a key in double quotes", at: i)
          }
          let k = try JSONScanner.scanString(p, &i, end)
          member = (k.start, k.end)
          let t: Int
          var repeatedOther = false
          if k.escaped {
            JSONScanner.unescape(p, from: k.start, to: k.end, into: &keyScratch)
            var key = keyScratch
            t = key.withUnsafeBufferPointer { b in
              guard let base = b.baseAddress else { return target(p, 0, position: position) }
              let t = target(base, b.count, position: position)
              if t < 0 { repeatedOther = isRepeatedOtherKey(base, b.count) }
              return t
            }
          } else {
            t = target(p + k.start, k.end - k.start, position: position)
            if t < 0 { repeatedOther = isRepeatedOtherKey(p + k.start, k.end - k.start) }
          }
          position += 1
          JSONScanner.skipWhitespace(p, &i, end)
          guard i < end && p[i] == UInt8(ascii: ":") else { throw .expected("':'", at: i) }
          i += 1
          JSONScanner.skipWhitespace(p, &i, end)
          guard i < end else { throw .expected("a value", at: i) }
          if t < 0 {
            if repeatedOther && state.problem == nil {
              state.problem = "the key \"\(keyName(p, k.start, k.end))\" appears twice"
            }
            try JSONScanner.skipValue(p, &i, end)
          } else {
            if seenIn[t] == recordNumber && state.problem == nil {
              state.problem = "field \"\(targets[t].name)\" appears twice"
            }
            seenIn[t] = recordNumber
            let valueStart = i
            if let trouble = try decodeValue(p, &i, end, target: t, row: row, storage, &state),
              state.problem == nil
            {
              state.problem = "field \"\(targets[t].name)\"" + trouble
            }
            let extra = targets[t].extra
            if extra >= 0 {
              chunk.extras[row * extraCount + extra] = extraValue(p, from: valueStart, to: i)
            }
          }
          JSONScanner.skipWhitespace(p, &i, end)
          guard i < end else { throw .expected("',' or '}'", at: i) }
          if p[i] == UInt8(ascii: ",") {
            member = nil
            i += 1
            JSONScanner.skipWhitespace(p, &i, end)
            continue
          }
          guard p[i] == UInt8(ascii: "}") else { throw .expected("',' or '}'", at: i) }
          member = nil
          i += 1
          break
        }
      }
      JSONScanner.skipWhitespace(p, &i, end)
      if i < end { throw .trailingText(at: i) }
    } catch {
      fault = error
    }
    guard let message = rejectMessage(p, lineStart: start, fault, member, state) else {
      storage.commitRow()
      return true
    }
    storage.abandonRow()
    if extraCount > 0 { chunk.extras.removeLast(extraCount) }
    chunk.rejects.append(Reject(line: line, merchantID: state.key?.string, message: message))
    return true
  }

  /// What went wrong with the record just parsed, if anything: broken JSON first, then
  /// the key, then the first bad value or repeated key, then missing inputs.
  private func rejectMessage(
    _ p: UnsafePointer<UInt8>, lineStart: Int, _ fault: JSONScanner.Fault?,
    _ member: (start: Int, end: Int)?, _ state: RecordState
  ) -> String? {
    if let fault {
      if case .expected("a JSON object", _) = fault { return "a record must be a JSON object" }
      let text = fault.message(lineStart: lineStart)
      guard let member else { return text }
      return "field \"\(keyName(p, member.start, member.end))\": " + text
    }
    let keyName = targets[keyTarget].name
    if let keyProblem = state.keyProblem { return "field \"\(keyName)\"" + keyProblem }
    if let problem = state.problem { return problem }
    if state.key == nil { return "field \"\(keyName)\" is missing" }
    for t in targets.indices where targets[t].isRequired && presentIn[t] != recordNumber {
      return "field \"\(targets[t].name)\" is missing"
    }
    return nil
  }

  /// A key's raw bytes for a message.
  func keyName(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
    JSONScanner.shown(p, from: start, to: end)
  }
}

/// What parsing one JSON record found besides values.
struct RecordState {
  /// The key input's value, once read.
  var key: Text?
  /// Why the key is unusable (after `field "KEY"`), e.g. ` is empty`.
  var keyProblem: String?
  /// The first bad value or repeated key, as a whole message.
  var problem: String?
}
