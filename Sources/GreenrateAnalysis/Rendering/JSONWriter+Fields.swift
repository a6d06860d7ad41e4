import GreenrateEngine

/// The analysis results' JSON, written with the engine's `JSONWriter`: a key (given
/// with its punctuation, e.g. `,"name":`) and its value, and arrays of objects.
extension JSONWriter {
  /// A number (a negative zero prints as 0).
  mutating func field(_ key: StaticString, _ value: Double) {
    raw(key)
    number(value == 0 ? 0 : value)
  }

  mutating func field(_ key: StaticString, _ value: Int) {
    raw(key)
    number(Double(value))
  }

  mutating func field(_ key: StaticString, _ value: String) {
    raw(key)
    string(value)
  }

  /// `[` each item as `body` writes it, separated by commas `]`.
  mutating func array<T>(_ items: [T], _ body: (inout JSONWriter, T) -> Void) {
    byte(UInt8(ascii: "["))
    for (i, item) in items.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      body(&self, item)
    }
    byte(UInt8(ascii: "]"))
  }
}
