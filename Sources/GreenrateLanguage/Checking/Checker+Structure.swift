extension Checker {
  /// The order of a file's parts: header, declarations, rating, eligibility, outputs.
  private enum Phase: Int, Comparable {
    case header, declarations, rating, eligibility, outputs

    static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }

    /// How a message names the first part of this phase.
    var described: String {
      switch self {
      case .header: return "the header"
      case .declarations: return "the declarations"
      case .rating: return "the `rating` block"
      case .eligibility: return "the `eligibility` block"
      case .outputs: return "the outputs"
      }
    }
  }

  /// Checks the order of the file's parts, and that the header, `rating` and
  /// `eligibility` appear once each.
  mutating func checkStructure(_ syntax: SyntaxRuleSet) {
    var latest = Phase.header
    var sawHeader = false
    var sawRating = false
    var sawEligibility = false
    var firstAfterDeclarations: SourceLocation?
    var firstOutput: SourceLocation?
    for (index, item) in syntax.items.enumerated() {
      switch item {
      case .header(let header):
        if sawHeader {
          error("the file has more than one `ruleset` header", at: header.location)
        } else if index != 0 {
          error("the `ruleset` header must come first in the file", at: header.location)
        }
        sawHeader = true
      case .rating(let block):
        if sawRating {
          error("the file has more than one `rating` block", at: block.location)
        } else if latest > .rating {
          error("the `rating` block must come before \(latest.described)", at: block.location)
        }
        sawRating = true
        latest = max(latest, .rating)
        firstAfterDeclarations = firstAfterDeclarations ?? block.location
      case .eligibility(let block):
        if sawEligibility {
          error("the file has more than one `eligibility` block", at: block.location)
        } else if latest > .eligibility {
          error("the `eligibility` block must come before \(latest.described)", at: block.location)
        }
        sawEligibility = true
        latest = max(latest, .eligibility)
        firstAfterDeclarations = firstAfterDeclarations ?? block.location
      case .output(let decl):
        latest = .outputs
        firstAfterDeclarations = firstAfterDeclarations ?? decl.location
        firstOutput = firstOutput ?? decl.location
      default:
        if latest > .declarations {
          error(
            "`\(Checker.keyword(of: item))` declarations must come before \(latest.described)",
            at: item.location)
        }
        latest = max(latest, .declarations)
      }
    }
    if !sawHeader {
      error(
        "the file must start with the header `ruleset \"NAME\" version \"VERSION\"`",
        at: syntax.items.first?.location ?? syntax.end)
    }
    if !sawRating {
      error("the file needs a `rating` block", at: firstAfterDeclarations ?? syntax.end)
    }
    if !sawEligibility {
      error("the file needs an `eligibility` block", at: firstOutput ?? syntax.end)
    }
  }

  private static func keyword(of item: SyntaxItem) -> String {
    switch item {
    case .input: return "input"
    case .table: return "table"
    case .letValue: return "let"
    case .factor: return "factor"
    case .knockout: return "knockout"
    default: return "output"
    }
  }

  /// Notes every name declared anywhere, so a use before its declaration gets a clear
  /// message rather than "unknown name".
  mutating func collectNames(_ syntax: SyntaxRuleSet) {
    // Sized once: growing two tables of 100,000 names step by step cost a tenth of a check.
    declaredAnywhere.reserveCapacity(syntax.items.count)
    scope.reserveCapacity(syntax.items.count)
    for item in syntax.items {
      let declared: SyntaxName?
      switch item {
      case .input(let x): declared = x.name
      case .table(let x): declared = x.name
      case .letValue(let x): declared = x.name
      case .factor(let x): declared = x.name
      case .output(let x): declared = x.name
      default: declared = nil
      }
      if let declared, declaredAnywhere[declared.name] == nil {
        declaredAnywhere[declared.name] = declared.location
      }
    }
  }

  /// The whole-file rules checked after every part: one key input, at least one factor.
  mutating func checkCompleteness(_ syntax: SyntaxRuleSet) {
    var headerLocation = syntax.items.first?.location ?? syntax.end
    var ratingLocation: SourceLocation?
    var sawFactor = false
    var inputsIncomplete = false
    for item in syntax.items {
      switch item {
      case .header(let header): headerLocation = header.location
      case .rating(let block): ratingLocation = ratingLocation ?? block.location
      case .factor: sawFactor = true
      case .input(let input): inputsIncomplete = inputsIncomplete || input.type == nil
      default: break
      }
    }
    if keyInput == nil && !inputsIncomplete {
      error(
        "one input must be marked `key` (a `text` that identifies each merchant)",
        at: headerLocation)
    }
    if !sawFactor {
      error("the file needs at least one `factor`", at: ratingLocation ?? syntax.end)
    }
  }
}
