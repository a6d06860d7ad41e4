/// A text value compared by its Unicode scalars, as the language contract demands.
///
/// Swift's `String` compares and hashes by canonical equivalence (`"cafe\u{301}" ==
/// "café"`); the contract says those differ. Equal UTF-8 bytes means equal scalars, and
/// UTF-8 byte order is scalar order, so every comparison here works on the bytes.
public struct Text: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var string: String

  @inlinable
  public init(_ string: String) {
    self.string = string
  }

  @inlinable
  public static func == (a: Text, b: Text) -> Bool {
    var a = a.string
    var b = b.string
    if a.utf8.count != b.utf8.count { return false }
    return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
  }

  @inlinable
  public static func < (a: Text, b: Text) -> Bool {
    var a = a.string
    var b = b.string
    return a.withUTF8 { x in b.withUTF8 { y in x.lexicographicallyPrecedes(y) } }
  }

  @inlinable
  public func hash(into hasher: inout Hasher) {
    var s = string
    s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  public var description: String { string }
}
