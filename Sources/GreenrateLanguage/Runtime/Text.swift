/// A text value compared by its Unicode scalars, as the language contract demands.
///
/// Swift's `String` compares and hashes by canonical equivalence (`"cafe\u{301}" ==
/// "café"`); the contract says those differ. Equal UTF-8 bytes means equal scalars, and
/// UTF-8 byte order is scalar order, so every comparison here works on the bytes.
///
/// Nearly every text a rule looks at (a code, a province, a label) has at most 15 UTF-8
/// bytes: those are held inline as a `ShortText`, in a layout of our own, and only longer
/// texts as a `String`. Every text that fits is held short, so the form is canonical: two
/// texts are equal exactly when both are short with equal words or both long with equal
/// bytes. A `String` is made only at the edges (`string`).
package struct Text: Hashable, Comparable, Sendable, CustomStringConvertible {
  @usableFromInline
  enum Storage: Sendable {
    /// At most 15 bytes.
    case short(ShortText)
    /// More than 15 bytes.
    case long(String)
  }

  @usableFromInline var storage: Storage

  @inlinable
  package init(_ string: String) {
    if string.utf8.count <= ShortText.capacity {
      var s = string
      storage = s.withUTF8 { bytes in .short(ShortText(bytes) ?? .empty) }
    } else {
      storage = .long(string)
    }
  }

  /// A text of these bytes, which must be valid UTF-8 (readers have checked them).
  @inlinable
  package init(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    if let short = ShortText(bytes) {
      storage = .short(short)
    } else {
      storage = .long(String(decoding: bytes, as: UTF8.self))
    }
  }

  @inlinable
  init(_ short: ShortText) {
    storage = .short(short)
  }

  /// The empty text.
  @inlinable
  package static var empty: Text { Text(ShortText(low: 0, high: 0)) }

  /// The short form when the text is short and ASCII (so bytes are scalars).
  @inline(__always)
  var shortASCII: ShortText? {
    if case .short(let short) = storage, short.isASCII { return short }
    return nil
  }

  /// The text as a `String`: for output and messages, not for hot paths.
  package var string: String {
    switch storage {
    case .short(let short): return short.string
    case .long(let string): return string
    }
  }

  /// The number of UTF-8 bytes.
  @inlinable
  package var utf8Count: Int {
    switch storage {
    case .short(let short): return short.count
    case .long(let string): return string.utf8.count
    }
  }

  /// Calls `body` with the text's UTF-8 bytes.
  @inlinable
  package func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    switch storage {
    case .short(let short):
      return short.withBytes(body)
    case .long(let string):
      var string = string
      return string.withUTF8(body)
    }
  }

  @inlinable
  package static func == (a: Text, b: Text) -> Bool {
    switch (a.storage, b.storage) {
    case (.short(let x), .short(let y)): return x == y
    case (.long(let x), .long(let y)): return x.utf8.elementsEqual(y.utf8)
    default: return false
    }
  }

  @inlinable
  package static func < (a: Text, b: Text) -> Bool {
    a.withUTF8 { x in b.withUTF8 { y in x.lexicographicallyPrecedes(y) } }
  }

  @inlinable
  package func hash(into hasher: inout Hasher) {
    withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  package var description: String { string }
}
