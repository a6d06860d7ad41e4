import GreenrateLanguage

extension StoredRecordCodec {
  /// One input of an encoded record, as a CSV cell would hold it (`""` when missing),
  /// skipping the others without decoding them; nil when the bytes are not a record of
  /// `fields` or `index` is the key (stored as the row's `merchant_id`, not here).
  package static func cellText(
    of index: Int, in bytes: UnsafeRawBufferPointer, fields: [StoredField]
  ) -> String? {
    guard index < fields.count, !fields[index].isKey, bytes.first == formatVersion else {
      return nil
    }
    var at = 1
    func varint() -> UInt64? {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while at < bytes.count, shift < 64 {
        let b = bytes[at]
        at += 1
        value |= UInt64(b & 0x7F) << shift
        if b < 0x80 { return value }
        shift += 7
      }
      return nil
    }
    func text(_ count: Int) -> String? {
      guard count >= 0, at + count <= bytes.count else { return nil }
      defer { at += count }
      return String(decoding: bytes[at..<at + count], as: UTF8.self)
    }
    for (i, field) in fields.enumerated() where !field.isKey {
      let wanted = i == index
      switch field.type.base {
      case .number, .bool, .date:
        guard at < bytes.count else { return nil }
        let tag = bytes[at]
        at += 1
        var x = 0.0
        switch tag {
        case 0: if wanted { return "" } else { continue }
        case 1:
          guard let v = varint() else { return nil }
          x = Double(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
        case 2:
          guard at + 8 <= bytes.count else { return nil }
          var v: UInt64 = 0
          for k in (0..<8).reversed() { v = v << 8 | UInt64(bytes[at + k]) }
          at += 8
          x = Double(bitPattern: v)
        default: return nil
        }
        guard wanted else { continue }
        switch field.type.base {
        case .bool: return StoredRecord.cellText(.bool(x != 0))
        case .date: return StoredRecord.cellText(.date(Int(x)))
        default: return StoredRecord.cellText(.number(x))
        }
      case .text:
        guard let n = varint() else { return nil }
        if n == 0 {
          if wanted { return "" } else { continue }
        }
        if wanted { return text(Int(n - 1)) }
        at += Int(n - 1)
      case .set:
        guard let count = varint() else { return nil }
        var items: [String] = []
        for _ in 0..<count {
          guard let n = varint() else { return nil }
          if wanted {
            guard let item = text(Int(n)) else { return nil }
            items.append(item)
          } else {
            at += Int(n)
          }
        }
        if wanted { return items.joined(separator: ";") }
      }
    }
    return nil
  }
}
