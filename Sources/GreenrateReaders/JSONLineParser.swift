import GreenrateLanguage

/// Decodes one JSON Lines record (one object per line) into a chunk, or rejects it.
///
/// The keys the rules declare (and the extra fields asked for) are looked up once per
/// key, usually with a single comparison since records tend to repeat their key order;
/// other keys are validated as JSON and skipped without building anything.
struct JSONLineParser {
  /// A key the reader looks for.
  struct Target {
    var name: String
    var kind: DecodeKind
    var slot: Int
    /// Missing makes the record fail (a non-optional input other than a set).
    var isRequired: Bool
    var isKey: Bool
    /// The index in `ReadChunk.extras`' row, or -1.
    var extra: Int
  }

  var targets: [Target] = []
  /// All target names' bytes back to back; target t's are at `nameStarts[t]..<nameStarts[t+1]`.
  var nameBytes: [UInt8] = []
  var nameStarts: [Int] = [0]
  var keyTarget = 0
  var extraCount = 0

  /// Per target: the record number that last saw the key / stored a non-null value.
  var seenIn: [Int] = []
  var presentIn: [Int] = []
  var recordNumber = 0
  /// For key position k of the previous record, the target its key matched (-1 none).
  var predicted: [Int] = []
  /// The undeclared keys of the current record, back to back, for the duplicate check.
  var otherKeys: [UInt8] = []
  var otherKeyStarts: [Int] = []
  /// The undeclared keys of a record that has many of them.
  var otherKeySet: Set<[UInt8]> = []
  var scratch: [UInt8] = []
  var keyScratch: [UInt8] = []

  init() {}

  init(layout: RecordLayout, extraFields: [String]) {
    extraCount = extraFields.count
    for (index, field) in layout.fields.enumerated() {
      let (kind, slot) = field.decodeTarget
      if index == layout.keyField { keyTarget = targets.count }
      targets.append(
        Target(
          name: field.name, kind: kind, slot: slot,
          isRequired: !field.type.isOptional && kind != .set, isKey: index == layout.keyField,
          extra: -1))
    }
    for (index, name) in extraFields.enumerated() {
      if let t = targets.firstIndex(where: { $0.name.utf8.elementsEqual(name.utf8) }) {
        if targets[t].extra < 0 { targets[t].extra = index }
      } else {
        targets.append(
          Target(
            name: name, kind: .extraOnly, slot: 0, isRequired: false, isKey: false, extra: index)
        )
      }
    }
    for target in targets {
      nameBytes.append(contentsOf: target.name.utf8)
      nameStarts.append(nameBytes.count)
    }
    seenIn = [Int](repeating: -1, count: targets.count)
    presentIn = [Int](repeating: -1, count: targets.count)
  }

  /// The target named by the key's bytes (`position` is the key's index in the object),
  /// or -1.
  @inline(__always)
  mutating func target(_ key: UnsafePointer<UInt8>, _ length: Int, position: Int) -> Int {
    if position < predicted.count {
      let t = predicted[position]
      if t >= 0 && nameMatches(t, key, length) { return t }
    }
    var found = -1
    for t in 0..<targets.count where nameMatches(t, key, length) {
      found = t
      break
    }
    if position < predicted.count {
      predicted[position] = found
    } else if position == predicted.count {
      predicted.append(found)
    }
    return found
  }

  @inline(__always)
  private func nameMatches(_ t: Int, _ key: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    let s = nameStarts[t]
    guard nameStarts[t + 1] - s == length else { return false }
    return nameBytes.withUnsafeBufferPointer { names in
      guard let base = names.baseAddress else { return length == 0 }
      return ReaderSystem.bytesEqual(base + s, key, count: length)
    }
  }

  /// Whether an undeclared key repeats one seen before in this record (and notes it).
  /// A linear search while there are few (the usual case), a hash set beyond that.
  mutating func isRepeatedOtherKey(_ key: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    let count = otherKeyStarts.count
    if count >= 32 {
      if count == 32 { otherKeySet = Set((0..<count).map(otherKey)) }
      otherKeyStarts.append(otherKeys.count)
      return !otherKeySet.insert(Array(UnsafeBufferPointer(start: key, count: length))).inserted
    }
    let repeated = otherKeys.withUnsafeBufferPointer { keys -> Bool in
      guard let base = keys.baseAddress else { return false }
      for k in 0..<count {
        let s = otherKeyStarts[k]
        let e = k + 1 < count ? otherKeyStarts[k + 1] : keys.count
        if e - s == length && ReaderSystem.bytesEqual(base + s, key, count: length) { return true }
      }
      return false
    }
    if !repeated {
      otherKeyStarts.append(otherKeys.count)
      otherKeys.append(contentsOf: UnsafeBufferPointer(start: key, count: length))
    }
    return repeated
  }

  /// The bytes of the k-th noted undeclared key.
  private func otherKey(_ k: Int) -> [UInt8] {
    let end = k + 1 < otherKeyStarts.count ? otherKeyStarts[k + 1] : otherKeys.count
    return Array(otherKeys[otherKeyStarts[k]..<end])
  }
}
