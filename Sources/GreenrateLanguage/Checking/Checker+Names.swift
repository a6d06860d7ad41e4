extension Checker {
  /// A built-in name: its symbol, type and the sections where it is known.
  struct BuiltIn {
    var symbol: Symbol
    var type: ValueType
    var sections: [Section]
    var usableIn: String
  }

  static let builtIns: [(name: String, builtIn: BuiltIn)] = [
    (
      "as_of",
      BuiltIn(
        symbol: .asOf, type: .date, sections: [.declarations, .rating, .eligibility, .output],
        usableIn: "")
    ),
    (
      "score",
      BuiltIn(
        symbol: .score, type: .number, sections: [.rating, .eligibility, .output],
        usableIn: "`rating`, `eligibility` and `output`")
    ),
    (
      "knocked_out",
      BuiltIn(
        symbol: .knockedOut, type: .bool, sections: [.rating, .eligibility, .output],
        usableIn: "`rating`, `eligibility` and `output`")
    ),
    (
      "rating",
      BuiltIn(
        symbol: .rating, type: .text, sections: [.eligibility, .output],
        usableIn: "`eligibility` and `output`")
    ),
    (
      "eligible", BuiltIn(symbol: .eligible, type: .bool, sections: [.output], usableIn: "`output`")
    ),
  ]

  static func builtIn(_ name: String) -> BuiltIn? {
    builtIns.first { $0.name == name }?.builtIn
  }

  /// Declares a name, unless it is taken; the namespace is shared by inputs, tables,
  /// lets, factors and outputs.
  mutating func declare(_ name: SyntaxName, _ entity: Entity, type: ValueType?) {
    if Checker.builtIn(name.name) != nil {
      error("`\(name.name)` is a built-in name and cannot be redeclared", at: name.location)
      return
    }
    if let existing = scope[name.name] {
      error(
        "`\(name.name)` is already declared on line \(existing.location.line)", at: name.location)
      return
    }
    scope[name.name] = Entry(entity: entity, type: type, location: name.location)
    scopeOrder.append(name.name)
  }

  /// Names a guess may suggest here: declared names and the built-ins usable here.
  var visibleNames: [String] {
    scopeOrder + Checker.builtIns.filter { $0.builtIn.sections.contains(section) }.map(\.name)
  }

  /// The message for a name that is not (yet) declared here.
  mutating func reportUnknown(
    _ name: String, at location: SourceLocation, kind: String, candidates: [String]
  ) {
    if name == declaring {
      error("`\(name)` cannot be used in its own definition", at: location)
    } else if let later = declaredAnywhere[name], scope[name] == nil {
      error("`\(name)` is used before it is declared (on line \(later.line))", at: location)
    } else if let guess = Suggestions.closest(to: name, among: candidates) {
      error("unknown \(kind) `\(name)` (did you mean `\(guess)`?)", at: location)
    } else {
      error("unknown \(kind) `\(name)`", at: location)
    }
  }

  /// A name used as a value.
  mutating func checkName(_ name: String, at location: SourceLocation) -> CheckedExpr? {
    if let builtIn = Checker.builtIn(name) {
      guard builtIn.sections.contains(section) else {
        error("`\(name)` can be used only in \(builtIn.usableIn)", at: location)
        return CheckedExpr(type: builtIn.type, location: location, node: .reference(builtIn.symbol))
      }
      return CheckedExpr(type: builtIn.type, location: location, node: .reference(builtIn.symbol))
    }
    guard let entry = scope[name] else {
      reportUnknown(name, at: location, kind: "name", candidates: visibleNames)
      return nil
    }
    let symbol: Symbol
    switch entry.entity {
    case .input(let i): symbol = .input(i)
    case .letValue(let i): symbol = .letValue(i)
    case .factor(let i): symbol = .factor(i)
    case .output(let i): symbol = .output(i)
    case .table:
      error(
        "`\(name)` is a table; use it as `\(name)[key]` or on the right of `in`", at: location)
      return nil
    }
    guard let type = entry.type else { return nil }
    return CheckedExpr(type: type, location: location, node: .reference(symbol))
  }

  /// The index of the table `name`, reporting anything else.
  mutating func tableIndex(_ name: String, at location: SourceLocation) -> Int? {
    guard let entry = scope[name] else {
      if Checker.builtIn(name) != nil {
        error("`\(name)` is not a table", at: location)
      } else {
        let tableNames = scopeOrder.filter {
          if case .table = scope[$0]?.entity { return true }
          return false
        }
        reportUnknown(name, at: location, kind: "table", candidates: tableNames)
      }
      return nil
    }
    guard case .table(let index) = entry.entity else {
      error("`\(name)` is not a table", at: location)
      return nil
    }
    return index
  }
}
