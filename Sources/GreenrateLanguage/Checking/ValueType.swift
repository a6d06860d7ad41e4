/// The five kinds of value the rule language knows.
public enum BaseType: String, Hashable, Sendable, CaseIterable {
  case number, text, bool, date, set
}

/// A static type: a base type, possibly optional (`T?`, the value may be missing).
public struct ValueType: Hashable, Sendable, CustomStringConvertible {
  public var base: BaseType
  public var isOptional: Bool

  public init(_ base: BaseType, optional: Bool = false) {
    self.base = base
    self.isOptional = optional
  }

  public static let number = ValueType(.number)
  public static let text = ValueType(.text)
  public static let bool = ValueType(.bool)
  public static let date = ValueType(.date)
  public static let set = ValueType(.set)

  /// The same base type, not optional.
  public var unwrapped: ValueType { ValueType(base) }
  /// The same base type, optional.
  public var optional: ValueType { ValueType(base, optional: true) }

  public var description: String { isOptional ? "\(base.rawValue)?" : base.rawValue }
}
