/// A request's path and query, split and percent-decoded by hand: the path's segments
/// are split before decoding, so `%2F` inside a merchant id stays part of the id.
struct RequestTarget {
  var segments: [String]
  var query: [(name: String, value: String)]

  init(_ target: String) throws(APIError) {
    let bytes = Array(target.utf8)
    let questionMark = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
    let path = bytes[..<questionMark]
    guard path.first == UInt8(ascii: "/") else {
      throw APIError(.badRequest, "the request target must be a path starting with /")
    }
    segments = try path.dropFirst().split(
      separator: UInt8(ascii: "/"), omittingEmptySubsequences: false
    )
    .map { segment throws(APIError) in try RequestTarget.decode(segment, plus: false) }
    query = []
    if questionMark < bytes.count {
      for pair in bytes[(questionMark + 1)...].split(separator: UInt8(ascii: "&")) {
        let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
        let name = try RequestTarget.decode(pair[..<equals], plus: true)
        let value =
          equals < pair.endIndex
          ? try RequestTarget.decode(pair[(equals + 1)...], plus: true) : ""
        query.append((name, value))
      }
    }
  }

  /// The last value given for a query parameter.
  func parameter(_ name: String) -> String? { query.last { $0.name == name }?.value }

  /// Percent-decodes (and, in a query, turns `+` into a space); refuses malformed
  /// escapes, invalid UTF-8 and NUL bytes, which no id or number contains.
  static func decode(_ raw: ArraySlice<UInt8>, plus: Bool) throws(APIError) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = raw.startIndex
    while i < raw.endIndex {
      let c = raw[i]
      if c == UInt8(ascii: "%") {
        guard i + 2 < raw.endIndex, let high = JSONDocument.hexValue(raw[i + 1]),
          let low = JSONDocument.hexValue(raw[i + 2])
        else {
          throw APIError(.badRequest, "the request target holds a malformed percent escape")
        }
        out.append(high << 4 | low)
        i += 3
      } else {
        out.append(plus && c == UInt8(ascii: "+") ? 0x20 : c)
        i += 1
      }
    }
    if out.contains(0) {
      throw APIError(.badRequest, "the request target holds a NUL byte (%00), which no id holds")
    }
    guard let text = String(validating: out, as: UTF8.self) else {
      throw APIError(.badRequest, "the request target is not valid UTF-8 once percent-decoded")
    }
    return text
  }
}
