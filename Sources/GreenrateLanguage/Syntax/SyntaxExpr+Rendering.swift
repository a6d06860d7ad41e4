extension SyntaxExpr {
  /// The expression written back as source, for messages; nil when it would be longer
  /// than `limit` bytes of UTF-8 (a message then says "this value"). Bytes, not
  /// characters: a native string knows its byte count at once, while counting
  /// characters at every node made rendering a long chain quadratic.
  func rendered(limit: Int) -> String? {
    var out = ""
    return render(into: &out, limit: limit) ? out : nil
  }

  /// Appends the source form; false as soon as `limit` is passed.
  private func render(into out: inout String, limit: Int) -> Bool {
    func list(_ items: [SyntaxExpr], _ out: inout String) -> Bool {
      for (i, item) in items.enumerated() {
        if i > 0 { out += ", " }
        guard item.render(into: &out, limit: limit) else { return false }
      }
      return true
    }
    switch self {
    case .number(let value, _, _):
      out += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .text(let value, _):
      out += "\"" + value.string + "\""
    case .bool(let value, _):
      out += value ? "true" : "false"
    case .name(let name, _):
      out += name
    case .list(let items, _):
      out += "["
      guard list(items, &out) else { return false }
      out += "]"
    case .call(let name, let arguments, _):
      out += name + "("
      guard list(arguments, &out) else { return false }
      out += ")"
    case .lookup(let table, let key, _):
      out += table + "["
      guard key.render(into: &out, limit: limit) else { return false }
      out += "]"
    case .paren(let inner, _):
      out += "("
      guard inner.render(into: &out, limit: limit) else { return false }
      out += ")"
    case .negate(let operand, _):
      out += "-"
      guard operand.render(into: &out, limit: limit) else { return false }
    case .not(let operand, _):
      out += "not "
      guard operand.render(into: &out, limit: limit) else { return false }
    case .chain(let first, let links):
      guard first.render(into: &out, limit: limit) else { return false }
      for link in links {
        out += " \(link.op.spelling) "
        guard out.utf8.count <= limit, link.operand.render(into: &out, limit: limit) else {
          return false
        }
      }
    case .coalesce(let operands, _):
      for (i, operand) in operands.enumerated() {
        if i > 0 { out += " ?? " }
        guard out.utf8.count <= limit, operand.render(into: &out, limit: limit) else {
          return false
        }
      }
    case .comparison(let op, let left, let right, _):
      guard left.render(into: &out, limit: limit) else { return false }
      out += " \(op.spelling) "
      guard right.render(into: &out, limit: limit) else { return false }
    case .membership(let item, let set, let negated, _):
      guard item.render(into: &out, limit: limit) else { return false }
      out += negated ? " not in " : " in "
      guard set.render(into: &out, limit: limit) else { return false }
    case .isMissing(let operand, let negated, _):
      guard operand.render(into: &out, limit: limit) else { return false }
      out += negated ? " is not missing" : " is missing"
    case .conditional(let condition, let thenBranch, let elseBranch, _):
      out += "if "
      guard condition.render(into: &out, limit: limit) else { return false }
      out += " then "
      guard thenBranch.render(into: &out, limit: limit) else { return false }
      out += " else "
      guard elseBranch.render(into: &out, limit: limit) else { return false }
    }
    return out.utf8.count <= limit
  }
}
