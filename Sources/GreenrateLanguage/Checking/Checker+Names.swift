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
    guesses.add(name.name)
  }

  /// The message for a name that is not (yet) declared here. A guess is a declared name
  /// (only a table when `tablesOnly`), or else a built-in usable here.
  mutating func reportUnknown(
    _ name: String, at location: SourceLocation, kind: String, tablesOnly: Bool = false
  ) {
    if name == declaring {
      error("`\(name)` cannot be used in its own definition", at: location)
    } else if let later = declaredAnywhere[name], scope[name] == nil {
      error("`\(name)` is used before it is declared (on line \(later.line))", at: location)
    } else if let guess = guess(for: name, tablesOnly: tablesOnly) {
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
      reportUnknown(name, at: location, kind: "name")
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
        reportUnknown(name, at: location, kind: "table", tablesOnly: true)
      }
      return nil
    }
    guard case .table(let index) = entry.entity else {
      error("`\(name)` is not a table", at: location)
      return nil
    }
    return index
  }

  /// The closest declared name, or built-in usable here, to a name not declared.
  private mutating func guess(for name: String, tablesOnly: Bool) -> String? {
    let scope = self.scope
    let declared = guesses.closestMatch(to: name) { candidate in
      guard tablesOnly else { return true }
      if case .table = scope[candidate]?.entity { return true }
      return false
    }
    if tablesOnly { return declared?.name }
    var builtIns = Suggestions(
      Checker.builtIns.filter { $0.builtIn.sections.contains(section) }.map(\.name))
    let builtIn = builtIns.closestMatch(to: name)
    switch (declared, builtIn) {
    case (let d?, let b?): return b.distance < d.distance ? b.name : d.name
    case (let d?, nil): return d.name
    case (nil, let b?): return b.name
    case (nil, nil): return nil
    }
  }
}
