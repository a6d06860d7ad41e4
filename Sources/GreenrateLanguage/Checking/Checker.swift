/// Type-checks a parsed rule file and resolves its names, producing the checked tree.
///
/// The checker reports every error it finds and keeps going. An expression whose type
/// cannot be known because of an error already reported checks as `nil`, and whatever
/// uses it stays quiet, so one mistake gives one message.
struct Checker {
  /// Where in the file an expression stands; decides which built-ins are usable.
  enum Section {
    case declarations, rating, eligibility, output
  }

  /// What a declared name stands for; indexes are into the checked rule set's arrays.
  enum Entity {
    case input(Int)
    case table(Int)
    case letValue(Int)
    case factor(Int)
    case output(Int)
  }

  struct Entry {
    var entity: Entity
    /// nil when the declaration had an error: uses of the name then stay quiet.
    var type: ValueType?
    var location: SourceLocation
  }

  /// Facts about a table that its lookups need.
  struct TableInfo {
    var valueType: BaseType?
    var hasDefault: Bool
  }

  var diagnostics: [Diagnostic] = []
  var scope: [String: Entry] = [:]
  /// Declared names in declaration order, for "did you mean" guesses.
  var guesses = Suggestions()
  /// Every name declared anywhere in the file, for "used before it is declared".
  var declaredAnywhere: [String: SourceLocation] = [:]
  var section = Section.declarations
  /// The name being declared, whose own expression must not use it.
  var declaring: String?

  var name: String?
  var version: String?
  var inputs: [CheckedRuleSet.Input] = []
  var tables: [CheckedRuleSet.Table] = []
  var tableInfo: [TableInfo] = []
  var lets: [CheckedRuleSet.Let] = []
  var factors: [CheckedRuleSet.Factor] = []
  var knockouts: [CheckedRuleSet.Rule] = []
  var items: [CheckedRuleSet.Item] = []
  var rating: [CheckedRuleSet.RatingBand] = []
  var denials: [CheckedRuleSet.Rule] = []
  var outputs: [CheckedRuleSet.Output] = []
  var keyInput: String?

  /// The checked rule set (nil when any error was found) and the errors.
  static func check(_ syntax: SyntaxRuleSet) -> (
    checked: CheckedRuleSet?, diagnostics: [Diagnostic]
  ) {
    var checker = Checker()
    checker.checkStructure(syntax)
    checker.collectNames(syntax)
    for item in syntax.items {
      checker.checkItem(item)
    }
    checker.checkCompleteness(syntax)
    var ruleSet = checker.takeRuleSet()
    guard checker.diagnostics.isEmpty, checker.name != nil else {
      ruleSet.releaseExpressions()
      return (nil, checker.diagnostics)
    }
    return (ruleSet, checker.diagnostics)
  }

  mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(message, at: location))
  }

  mutating func checkItem(_ item: SyntaxItem) {
    switch item {
    case .header(let header):
      if name == nil, let n = header.name, let v = header.version {
        name = n.value
        version = v.value
      }
    case .input(let input): checkInput(input)
    case .table(let table): checkTable(table)
    case .letValue(let decl): checkLet(decl)
    case .factor(let factor): checkFactor(factor)
    case .knockout(let rule): checkKnockout(rule)
    case .rating(let block): checkRating(block)
    case .eligibility(let block): checkEligibility(block)
    case .output(let decl): checkOutput(decl)
    }
  }

  /// Moves the checked parts out into a rule set, leaving the checker without them so
  /// the rule set holds the only references to its trees.
  mutating func takeRuleSet() -> CheckedRuleSet {
    let ruleSet = CheckedRuleSet(
      name: name ?? "", version: version ?? "", inputs: inputs, tables: tables, lets: lets,
      factors: factors, knockouts: knockouts, items: items, rating: rating, denials: denials,
      outputs: outputs)
    lets = []
    factors = []
    knockouts = []
    rating = []
    denials = []
    outputs = []
    return ruleSet
  }
}
