extension Checker {
  /// Checks an expression; nil when its type is unknown because of an error reported.
  mutating func check(_ expr: SyntaxExpr) -> CheckedExpr? {
    switch expr {
    case .number(let value, _, let at):
      return CheckedExpr(type: .number, location: at, node: .number(value))
    case .text(let value, let at):
      return CheckedExpr(type: .text, location: at, node: .text(value))
    case .bool(let value, let at):
      return CheckedExpr(type: .bool, location: at, node: .bool(value))
    case .name(let name, let at):
      return checkName(name, at: at)
    case .list(let items, let at):
      return checkList(items, at: at)
    case .call(let name, let arguments, let at):
      return checkCall(name, arguments, at: at)
    case .lookup(let table, let key, let at):
      return checkLookup(table, key: key, at: at)
    case .paren(let inner, _):
      return check(inner)
    case .negate(let operand, let at):
      return checkNegate(operand, at: at)
    case .not(let operand, let at):
      let checked = self.operand(operand, .bool) { "`not` works on a `bool`, not on `\($0)`" }
      return make(.bool, at, checked.map { .not($0) })
    case .chain(let first, let links):
      return checkChain(first, links)
    case .coalesce(let operands, let operators):
      return checkCoalesce(operands, operators)
    case .comparison(let op, let left, let right, let at):
      return checkComparison(op, left, right, at: at)
    case .membership(let item, let set, let negated, let at):
      return checkMembership(item, set, negated: negated, at: at)
    case .isMissing(let operand, let negated, let at):
      let checked = check(operand)
      return make(.bool, at, checked.map { .isMissing($0, negated: negated) })
    case .conditional(let condition, let thenBranch, let elseBranch, let at):
      return checkConditional(condition, thenBranch, elseBranch, at: at)
    }
  }

  /// A node of a fixed result type; when an operand was wrong (already reported) it
  /// still has that type, so whatever uses it reports nothing more.
  func make(_ type: ValueType, _ at: SourceLocation, _ node: CheckedNode?) -> CheckedExpr {
    CheckedExpr(type: type, location: at, node: node ?? .number(0))
  }

  /// Reports that an optional value is used where a value is needed.
  mutating func reportMaybeMissing(_ expr: SyntaxExpr) {
    var inner = expr
    while case .paren(let wrapped, _) = inner { inner = wrapped }
    let subject = inner.rendered(limit: 40).map { "`\($0)`" } ?? "this value"
    error("\(subject) may be missing here; handle it with `??` or `is missing`", at: expr.start)
  }

  /// An operand that must be a non-optional `base`; nil (reported) otherwise.
  mutating func operand(
    _ expr: SyntaxExpr, _ base: BaseType, _ message: (ValueType) -> String
  ) -> CheckedExpr? {
    guard let checked = check(expr) else { return nil }
    if checked.type.isOptional {
      reportMaybeMissing(expr)
      return nil
    }
    guard checked.type.base == base else {
      error(message(checked.type), at: expr.start)
      return nil
    }
    return checked
  }

  /// A value that must not be optional, of any type.
  mutating func value(_ expr: SyntaxExpr) -> CheckedExpr? {
    guard let checked = check(expr) else { return nil }
    if checked.type.isOptional {
      reportMaybeMissing(expr)
      return nil
    }
    return checked
  }

  /// A condition: `bool`, not `bool?`.
  mutating func checkCondition(_ expr: SyntaxExpr) -> CheckedExpr? {
    operand(expr, .bool) { "a condition must be `bool`, not `\($0)`" }
  }

  mutating func checkNegate(_ operand: SyntaxExpr, at: SourceLocation) -> CheckedExpr? {
    if case .number(let value, _, _) = operand {
      return CheckedExpr(type: .number, location: at, node: .number(-value))
    }
    let checked = self.operand(operand, .number) { "`-` works on numbers, not on `\($0)`" }
    return make(.number, at, checked.map { .negate($0) })
  }

  mutating func checkChain(_ first: SyntaxExpr, _ links: [SyntaxLink]) -> CheckedExpr? {
    let isLogic = links.first.map { $0.op == .and || $0.op == .or } ?? false
    let base: BaseType = isLogic ? .bool : .number
    let type = ValueType(base)
    func message(_ op: ChainOperator) -> (ValueType) -> String {
      isLogic
        ? { "`\(op.spelling)` works on `bool` values, not on `\($0)`" }
        : { "`\(op.spelling)` works on numbers, not on `\($0)`" }
    }
    var accumulated = operand(first, base, message(links.first?.op ?? .add))
    var valid = accumulated != nil
    // A loop, not recursion: a flat chain may have any number of terms.
    for link in links {
      let right = operand(link.operand, base, message(link.op))
      guard valid, let right else {
        valid = false
        releaseChain(&accumulated)
        continue
      }
      guard let left = accumulated else { continue }
      accumulated = nil
      let node: CheckedNode
      switch link.op {
      case .add: node = .arithmetic(.add, left, right)
      case .subtract: node = .arithmetic(.subtract, left, right)
      case .multiply: node = .arithmetic(.multiply, left, right)
      case .divide: node = .arithmetic(.divide, left, right)
      case .and: node = .and(left, right)
      case .or: node = .or(left, right)
      }
      accumulated = CheckedExpr(type: type, location: link.location, node: node)
    }
    guard valid, let accumulated else {
      return make(type, links.first?.location ?? first.location, nil)
    }
    return accumulated
  }

  /// Lets go of a partly built chain without freeing it recursively.
  private func releaseChain(_ chain: inout CheckedExpr?) {
    var roots: [CheckedNode] = []
    if let expr = chain { roots.append(expr.node) }
    chain = nil
    CheckedNode.release(&roots)
  }

  mutating func checkCoalesce(_ operands: [SyntaxExpr], _ operators: [SourceLocation])
    -> CheckedExpr?
  {
    var checked: [CheckedExpr?] = []
    for operand in operands { checked.append(check(operand)) }
    guard var result = checked.last ?? nil else { return nil }
    var valid = true
    // `a ?? b ?? c` is `a ?? (b ?? c)`: fold from the right.
    for i in stride(from: operands.count - 2, through: 0, by: -1) {
      guard let left = checked[i] else {
        valid = false
        continue
      }
      guard left.type.base == result.type.base else {
        error(
          "both sides of `??` must have the same type, not `\(left.type)` and `\(result.type)`",
          at: operators[i])
        valid = false
        continue
      }
      let type = ValueType(left.type.base, optional: result.type.isOptional)
      result = CheckedExpr(type: type, location: operators[i], node: .coalesce(left, result))
    }
    return valid ? result : nil
  }

  mutating func checkComparison(
    _ op: ComparisonOperator, _ left: SyntaxExpr, _ right: SyntaxExpr, at: SourceLocation
  ) -> CheckedExpr? {
    let l = value(left)
    let r = value(right)
    guard let l, let r else { return make(.bool, at, nil) }
    if l.type.base != r.type.base {
      error("cannot compare `\(l.type)` with `\(r.type)`", at: at)
      return make(.bool, at, nil)
    }
    let ordering = op != .equal && op != .notEqual
    if ordering && l.type.base != .number && l.type.base != .date {
      error("`\(op.spelling)` compares numbers or dates, not `\(l.type)`", at: at)
      return make(.bool, at, nil)
    }
    return make(.bool, at, .comparison(op, l, r))
  }

  mutating func checkMembership(
    _ item: SyntaxExpr, _ set: SyntaxExpr, negated: Bool, at: SourceLocation
  ) -> CheckedExpr? {
    let spelling = negated ? "not in" : "in"
    let key = operand(item, .text) { "`\(spelling)` needs `text` on its left, not `\($0)`" }
    var node: CheckedNode?
    if case .name(let name, let nameAt) = set, case .table = scope[name]?.entity {
      if let index = tableIndex(name, at: nameAt), let key {
        node = .inTable(table: index, key: key)
      }
    } else {
      let checked = operand(set, .set) {
        "`\(spelling)` needs a `set` or a table on its right, not `\($0)`"
      }
      if let key, let checked { node = .inSet(key, checked) }
    }
    guard let node else { return make(.bool, at, nil) }
    let membership = CheckedExpr(type: .bool, location: at, node: node)
    return negated ? make(.bool, at, .not(membership)) : membership
  }

  mutating func checkConditional(
    _ condition: SyntaxExpr, _ thenBranch: SyntaxExpr, _ elseBranch: SyntaxExpr,
    at: SourceLocation
  ) -> CheckedExpr? {
    let c = operand(condition, .bool) { "the condition of `if` must be `bool`, not `\($0)`" }
    let a = check(thenBranch)
    let b = check(elseBranch)
    guard let a, let b else { return nil }
    guard a.type.base == b.type.base else {
      error(
        "the branches of `if` must have the same type, not `\(a.type)` and `\(b.type)`",
        at: elseBranch.start)
      return nil
    }
    let type = ValueType(a.type.base, optional: a.type.isOptional || b.type.isOptional)
    return make(type, at, c.map { .conditional($0, then: a, else: b) })
  }

  mutating func checkList(_ items: [SyntaxExpr], at: SourceLocation) -> CheckedExpr? {
    var checked: [CheckedExpr] = []
    var valid = true
    for item in items {
      if let c = operand(item, .text, { "list items must be `text`, not `\($0)`" }) {
        checked.append(c)
      } else {
        valid = false
      }
    }
    return make(.set, at, valid ? .list(checked) : nil)
  }

  mutating func checkLookup(_ table: String, key: SyntaxExpr, at: SourceLocation) -> CheckedExpr? {
    let index = tableIndex(table, at: at)
    let checkedKey = operand(key, .text) { "a table key must be `text`, not `\($0)`" }
    guard let index, index < tableInfo.count, let valueType = tableInfo[index].valueType else {
      return nil
    }
    let type = ValueType(valueType, optional: !tableInfo[index].hasDefault)
    return make(type, at, checkedKey.map { .lookup(table: index, key: $0) })
  }
}
