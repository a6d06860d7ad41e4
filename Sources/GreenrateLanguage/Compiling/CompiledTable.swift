/// A `table` ready for lookups: its keys in a `TextMatcher`, values by key index.
enum CompiledTable: Sendable {
  /// Number or bool values (bools as 0/1), and the default (NaN: none, so missing).
  case scalar(TextMatcher, [Double], defaultValue: Double)
  /// Text values, and the default (nil: none, so missing).
  case text(TextMatcher, [Text], defaultValue: Text?)

  init(_ table: CheckedRuleSet.Table) {
    // The checker refuses duplicate keys; were one to slip through, the first wins in the
    // matcher and so must in the values.
    var seen: Set<Text> = []
    seen.reserveCapacity(table.entries.count)
    let entries = table.entries.filter { seen.insert($0.key).inserted }
    let keys = TextMatcher(entries.map(\.key))
    switch table.valueType {
    case .text:
      self = .text(
        keys, entries.map { Self.text($0.value) ?? Text("") },
        defaultValue: table.defaultValue.flatMap(Self.text))
    default:
      self = .scalar(
        keys, entries.map { Self.scalar($0.value) },
        defaultValue: table.defaultValue.map(Self.scalar) ?? Scalar.missing)
    }
  }

  /// The table's keys.
  var keys: TextMatcher {
    switch self {
    case .scalar(let keys, _, _): return keys
    case .text(let keys, _, _): return keys
    }
  }

  private static func scalar(_ literal: CheckedRuleSet.Literal) -> Double {
    switch literal {
    case .number(let x): return x
    case .bool(let b): return b ? 1 : 0
    case .text: return Scalar.missing
    }
  }

  private static func text(_ literal: CheckedRuleSet.Literal) -> Text? {
    if case .text(let t) = literal { return t }
    return nil
  }
}
