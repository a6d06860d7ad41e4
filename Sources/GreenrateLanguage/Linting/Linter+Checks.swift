extension Linter {
  // MARK: Bands

  /// Warns about each band that an earlier band of the same block covers (the first
  /// such band is named), in O(n log n) for n bands (see `BandCoverage`).
  mutating func unreachableBands(_ bands: [(location: SourceLocation, condition: SyntaxExpr?)]) {
    var coverage = BandCoverage()
    var earlier: [(location: SourceLocation, condition: SyntaxExpr)] = []
    for band in bands {
      guard let condition = band.condition else { continue }
      if let i = coverage.firstCovering(condition) {
        let first = earlier[i]
        let quoted = first.condition.rendered(limit: 60).map { " (`\($0)`)" } ?? ""
        warn(
          "this band can never match: the band on line \(first.location.line)\(quoted) "
            + "matches first whenever it could",
          at: band.location)
      }
      coverage.add(condition)
      earlier.append((band.location, condition))
    }
  }

  /// Whether every value making `later` true makes `earlier` true: the pairwise rule
  /// `BandCoverage` answers for a whole block at once (the tests hold them equal).
  static func covers(_ earlier: SyntaxExpr, _ later: SyntaxExpr) -> Bool {
    let a = unwrapped(earlier)
    let b = unwrapped(later)
    if case .bool(true, _) = a { return true }
    if let t = text(a), t == text(b) { return true }
    guard case .comparison(let opA, let leftA, let rightA, _) = a,
      case .comparison(let opB, let leftB, let rightB, _) = b,
      case .number(let x, _, _) = unwrapped(rightA), case .number(let y, _, _) = unwrapped(rightB),
      let operand = text(unwrapped(leftA)), operand == text(unwrapped(leftB))
    else { return false }
    // `left opB y` implies `left opA x`.
    switch (opA, opB) {
    case (.lessEqual, .lessEqual), (.lessEqual, .equal): return y <= x
    case (.lessEqual, .less), (.less, .less): return y <= x
    case (.less, .lessEqual), (.less, .equal): return y < x
    case (.greaterEqual, .greaterEqual), (.greaterEqual, .equal): return y >= x
    case (.greaterEqual, .greater), (.greater, .greater): return y >= x
    case (.greater, .greaterEqual), (.greater, .equal): return y > x
    case (.equal, .equal): return x == y
    default: return false
    }
  }

  // MARK: Rating labels

  /// Warns about each label compared with `rating` that no rating band gives.
  mutating func ratingLabels() {
    var labels: [String] = []
    for item in syntax.items {
      if case .rating(let rating) = item { labels = rating.bands.map(\.label.value) }
    }
    guard !labels.isEmpty else { return }
    var suspects: [(String, SourceLocation)] = []
    for expr in expressions {
      Linter.visit(expr) { e in
        switch e {
        case .comparison(.equal, let a, let b, _), .comparison(.notEqual, let a, let b, _):
          for (x, y) in [(a, b), (b, a)] {
            if case .name("rating", _) = Linter.unwrapped(x), case .text(let t, let at) = y {
              suspects.append((t.string, at))
            }
          }
        case .membership(let a, let b, _, _):
          if case .name("rating", _) = Linter.unwrapped(a), case .list(let items, _) = b {
            for case .text(let t, let at) in items { suspects.append((t.string, at)) }
          }
        default: break
        }
      }
    }
    // Hashed, and the list in the message clipped: with many labels and many
    // comparisons, a search of the labels and the whole list per warning were quadratic.
    let given = Set(labels)
    var folded: [String: String] = [:]
    for label in labels where folded[label.lowercased()] == nil {
      folded[label.lowercased()] = label
    }
    let shown = Linter.maxListedLabels
    var known = labels.prefix(shown).map { "\"\($0)\"" }.joined(separator: ", ")
    if labels.count > shown { known += ", … (\(labels.count) labels)" }
    for (label, at) in suspects where !given.contains(label) {
      let near = folded[label.lowercased()]
      let guess = near.map { " (did you mean \"\($0)\"?)" } ?? ""
      warn("no rating band gives the label \"\(label)\"\(guess); the labels are \(known)", at: at)
    }
  }

  // MARK: Unused declarations

  /// Warns about each input (but the key), table and `let` nothing refers to.
  mutating func unused() {
    var used: Set<String> = []
    for expr in expressions {
      Linter.visit(expr) { e in
        switch e {
        case .name(let n, _): used.insert(n)
        case .lookup(let t, _, _): used.insert(t)
        default: break
        }
      }
    }
    for item in syntax.items {
      switch item {
      case .input(let input) where input.key == nil:
        if let name = input.name, !used.contains(name.name) {
          warn("input `\(name.name)` is never used", at: name.location)
        }
      case .table(let table):
        if let name = table.name, !used.contains(name.name) {
          warn("table `\(name.name)` is never used", at: name.location)
        }
      case .letValue(let binding):
        if let name = binding.name, !used.contains(name.name) {
          warn("`\(name.name)` is never used", at: name.location)
        }
      default: break
      }
    }
  }

  // MARK: Codes

  /// Warns about a knockout or deny code given twice, and a reason code two factors use.
  mutating func duplicateCodes() {
    var knockouts: [String: Int] = [:]
    var denials: [String: Int] = [:]
    var reasons: [String: (factor: String, line: Int)] = [:]
    for item in syntax.items {
      switch item {
      case .knockout(let rule):
        guard let code = rule.code else { continue }
        if let line = knockouts[code.value] {
          warn("knockout code \"\(code.value)\" is already used on line \(line)", at: code.location)
        } else {
          knockouts[code.value] = code.location.line
        }
      case .eligibility(let eligibility):
        for rule in eligibility.denials {
          guard let code = rule.code else { continue }
          if let line = denials[code.value] {
            warn("deny code \"\(code.value)\" is already used on line \(line)", at: code.location)
          } else {
            denials[code.value] = code.location.line
          }
        }
      case .factor(let factor):
        let name = factor.name?.name ?? ""
        for band in factor.bands {
          guard let reason = band.reason else { continue }
          if let other = reasons[reason.value], other.factor != name {
            warn(
              "reason \"\(reason.value)\" is also factor `\(other.factor)`'s (line \(other.line)): "
                + "a reason should name one factor's shortfall",
              at: reason.location)
          } else if reasons[reason.value] == nil {
            reasons[reason.value] = (name, reason.location.line)
          }
        }
      default: break
      }
    }
  }

  // MARK: Table entries

  /// Warns about table entries no lookup can reach because every key is upper-cased
  /// (or lower-cased) first.
  mutating func unreachableEntries() {
    // What each `let` is: `upper(...)`, `lower(...)` or something else.
    var caseOf: [String: String] = [:]
    for item in syntax.items {
      if case .letValue(let b) = item, let name = b.name, let e = b.expr,
        case .call(let f, _, _) = Linter.unwrapped(e), f == "upper" || f == "lower"
      {
        caseOf[name.name] = f
      }
    }
    func folding(_ key: SyntaxExpr) -> String? {
      switch Linter.unwrapped(key) {
      case .call(let f, _, _) where f == "upper" || f == "lower": return f
      case .name(let n, _): return caseOf[n]
      default: return nil
      }
    }
    var keys: [String: [String?]] = [:]
    for expr in expressions {
      Linter.visit(expr) { e in
        switch e {
        case .lookup(let t, let key, _): keys[t, default: []].append(folding(key))
        case .membership(let key, .name(let t, _), _, _): keys[t, default: []].append(folding(key))
        default: break
        }
      }
    }
    for item in syntax.items {
      guard case .table(let table) = item, let name = table.name,
        let uses = keys[name.name], let first = uses.first, let fold = first,
        uses.allSatisfy({ $0 == fold })
      else { continue }
      let range: ClosedRange<UInt8> = fold == "upper" ? 97...122 : 65...90
      for entry in table.entries where entry.key.value.utf8.contains(where: range.contains) {
        warn(
          "entry \"\(entry.key.value)\" can never be found: every lookup of `\(name.name)` "
            + "uses \(fold)(...) keys",
          at: entry.key.location)
      }
    }
  }
}
