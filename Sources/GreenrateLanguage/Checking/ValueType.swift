/// The five kinds of value the rule language knows.
package enum BaseType: String, Hashable, Sendable, CaseIterable {
  case number, text, bool, date, set
}

/// A static type: a base type, possibly optional (`T?`, the value may be missing).
package struct ValueType: Hashable, Sendable, CustomStringConvertible {
  package var base: BaseType
  package var isOptional: Bool

  package init(_ base: BaseType, optional: Bool = false) {
    self.base = base
    self.isOptional = optional
  }

  package static let number = ValueType(.number)
  package static let text = ValueType(.text)
  package static let bool = ValueType(.bool)
  package static let date = ValueType(.date)
  package static let set = ValueType(.set)

  /// The same base type, not optional.
  package var unwrapped: ValueType { ValueType(base) }
  /// The same base type, optional.
  package var optional: ValueType { ValueType(base, optional: true) }

  package var description: String { isOptional ? "\(base.rawValue)?" : base.rawValue }
}
