extension Checker {
  static let typeNames = ["number", "text", "bool", "date", "set"]

  /// The names a key input cannot have: the fields of a result.
  static let resultFieldNames: Set<String> = [
    "score", "rating", "eligible", "reasons", "knockouts", "denials", "factors", "outputs", "line",
    "error",
  ]

  /// A written type, or nil (reported) when it names no type.
  mutating func resolveType(_ type: SyntaxType) -> ValueType? {
    guard let base = BaseType(rawValue: type.name) else {
      if let guess = Suggestions.closest(to: type.name, among: Checker.typeNames) {
        error("unknown type `\(type.name)` (did you mean `\(guess)`?)", at: type.location)
      } else {
        error(
          "unknown type `\(type.name)`; use `number`, `text`, `bool`, `date` or `set`",
          at: type.location)
      }
      return nil
    }
    return ValueType(base, optional: type.isOptional)
  }

  mutating func checkInput(_ input: SyntaxInput) {
    guard let name = input.name, let written = input.type else { return }
    var type = resolveType(written)
    if let t = type, t.base == .set, t.isOptional {
      error(
        "a `set` cannot be optional: write `set`, an empty set already means no items",
        at: written.questionLocation ?? written.location)
      type = nil
    }
    var reservedKeyName = false
    if let keyLocation = input.key {
      if let existing = keyInput {
        error("only one input can be the `key`; `\(existing)` already is", at: keyLocation)
      } else {
        keyInput = name.name
        if Checker.resultFieldNames.contains(name.name) {
          error(
            "the key input cannot be named `\(name.name)`; that is a field of the result",
            at: name.location)
          reservedKeyName = true
        }
        if let t = type, t.base != .text {
          error("the key input `\(name.name)` must be `text`, not `\(t)`", at: written.location)
        } else if let t = type, t.isOptional {
          error(
            "the key input `\(name.name)` cannot be optional; every record needs its key",
            at: written.questionLocation ?? written.location)
        }
      }
    }
    let index = inputs.count
    inputs.append(
      CheckedRuleSet.Input(
        name: name.name, type: type ?? .text, isKey: input.key != nil, location: name.location))
    if !reservedKeyName {
      declare(name, .input(index), type: type)
    }
  }

  mutating func checkTable(_ table: SyntaxTable) {
    guard let name = table.name else { return }
    if let keyType = table.keyType, keyType.name != "text" || keyType.isOptional {
      error("a table's keys must be `text`", at: keyType.location)
    }
    var valueType: BaseType?
    if let written = table.valueType, let t = resolveType(written) {
      if t.isOptional {
        error(
          "a table's values cannot be optional; a lookup without `default` may already be missing",
          at: written.questionLocation ?? written.location)
      } else if t.base == .date || t.base == .set {
        error(
          "a table's values must be `number`, `text` or `bool`, not `\(t.base.rawValue)`",
          at: written.location)
      } else {
        valueType = t.base
      }
    }
    var seen: Set<Text> = []
    seen.reserveCapacity(table.entries.count)
    var entries: [(key: Text, value: CheckedRuleSet.Literal)] = []
    entries.reserveCapacity(table.entries.count)
    for (key, value) in table.entries {
      let text = Text(key.value)
      if !seen.insert(text).inserted {
        error("duplicate key `\(key.value)` in table `\(name.name)`", at: key.location)
      }
      checkLiteral(value, in: name.name, valueType: valueType)
      entries.append((text, value.value))
    }
    if let value = table.defaultValue {
      checkLiteral(value, in: name.name, valueType: valueType)
    }
    let index = tables.count
    tables.append(
      CheckedRuleSet.Table(
        name: name.name, valueType: valueType ?? .number, entries: entries,
        defaultValue: table.defaultValue?.value))
    tableInfo.append(
      TableInfo(
        valueType: table.isComplete ? valueType : nil, hasDefault: table.defaultValue != nil))
    declare(name, .table(index), type: nil)
  }

  private mutating func checkLiteral(
    _ literal: SyntaxLiteral, in table: String, valueType: BaseType?
  ) {
    guard let valueType else { return }
    let written: BaseType
    switch literal.value {
    case .number: written = .number
    case .text: written = .text
    case .bool: written = .bool
    }
    if written != valueType {
      error(
        "table `\(table)` holds `\(valueType.rawValue)` values, not `\(written.rawValue)`",
        at: literal.location)
    }
  }

  mutating func checkLet(_ decl: SyntaxBinding) {
    guard let name = decl.name else { return }
    section = .declarations
    declaring = name.name
    let checked = decl.expr.flatMap { check($0) }
    declaring = nil
    let index = lets.count
    if let checked {
      lets.append(CheckedRuleSet.Let(name: name.name, expr: checked))
      items.append(.letValue(index))
    }
    declare(name, .letValue(index), type: checked?.type)
  }

  mutating func checkOutput(_ decl: SyntaxBinding) {
    guard let name = decl.name else { return }
    section = .output
    declaring = name.name
    let checked = decl.expr.flatMap { check($0) }
    declaring = nil
    let index = outputs.count
    if let checked {
      outputs.append(CheckedRuleSet.Output(name: name.name, expr: checked))
    }
    declare(name, .output(index), type: checked?.type)
  }

  mutating func checkFactor(_ factor: SyntaxFactor) {
    section = .declarations
    declaring = factor.name?.name
    var bands: [CheckedRuleSet.Band] = []
    for (i, band) in factor.bands.enumerated() {
      var condition: CheckedExpr?
      if let written = band.condition {
        condition = checkCondition(written)
      } else if i != factor.bands.count - 1 {
        error(
          "the `else` band must be the last band of factor `\(factor.name?.name ?? "")`",
          at: band.location)
      }
      bands.append(
        CheckedRuleSet.Band(
          condition: condition, points: band.points, reason: band.reason?.value,
          location: band.location))
    }
    declaring = nil
    guard let name = factor.name else { return }
    if factor.isComplete, factor.bands.last.map({ $0.condition != nil }) ?? true {
      error("factor `\(name.name)` must end with an `else` band", at: name.location)
    }
    let index = factors.count
    factors.append(CheckedRuleSet.Factor(name: name.name, title: factor.title?.value, bands: bands))
    items.append(.factor(index))
    declare(name, .factor(index), type: .number)
  }

  mutating func checkKnockout(_ rule: SyntaxRule) {
    section = .declarations
    guard let code = rule.code, let written = rule.condition,
      let condition = checkCondition(written)
    else { return }
    items.append(.knockout(knockouts.count))
    knockouts.append(
      CheckedRuleSet.Rule(code: code.value, condition: condition, location: rule.location))
  }

  mutating func checkRating(_ block: SyntaxRating) {
    section = .rating
    var bands: [CheckedRuleSet.RatingBand] = []
    for (i, band) in block.bands.enumerated() {
      var condition: CheckedExpr?
      if let written = band.condition {
        condition = checkCondition(written)
      } else if i != block.bands.count - 1 {
        error("the `else` band must be the last band of the `rating` block", at: band.location)
      }
      bands.append(
        CheckedRuleSet.RatingBand(
          condition: condition, label: band.label.value, location: band.location))
    }
    if block.isComplete, block.bands.last.map({ $0.condition != nil }) ?? true {
      error("the `rating` block must end with an `else` band", at: block.location)
    }
    if rating.isEmpty { rating = bands }
  }

  mutating func checkEligibility(_ block: SyntaxEligibility) {
    section = .eligibility
    var rules: [CheckedRuleSet.Rule] = []
    for rule in block.denials {
      guard let code = rule.code, let written = rule.condition,
        let condition = checkCondition(written)
      else { continue }
      rules.append(
        CheckedRuleSet.Rule(code: code.value, condition: condition, location: rule.location))
    }
    if denials.isEmpty { denials = rules }
  }
}
