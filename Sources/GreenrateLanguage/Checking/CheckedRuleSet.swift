/// A rule file that parsed and type-checked without a single error.
struct CheckedRuleSet {
  struct Input {
    var name: String
    var type: ValueType
    var isKey: Bool
    var location: SourceLocation
  }

  enum Literal: Hashable {
    case number(Double)
    case text(Text)
    case bool(Bool)
  }

  struct Table {
    var name: String
    var valueType: BaseType  // number, text or bool
    var entries: [(key: Text, value: Literal)]
    var defaultValue: Literal?
  }

  struct Let {
    var name: String
    var expr: CheckedExpr
  }

  struct Band {
    /// nil for the `else` band.
    var condition: CheckedExpr?
    var points: Double
    var reason: String?
    var location: SourceLocation
  }

  struct Factor {
    var name: String
    var title: String?
    var bands: [Band]
  }

  /// A knockout or a deny line: a code and its condition.
  struct Rule {
    var code: String
    var condition: CheckedExpr
    /// Where it is written (the default only serves rule sets built by hand in tests).
    var location = SourceLocation(line: 0, column: 0)
  }

  struct RatingBand {
    var condition: CheckedExpr?  // nil for `else`
    var label: String
    /// Where it is written (the default only serves rule sets built by hand in tests).
    var location = SourceLocation(line: 0, column: 0)
  }

  struct Output {
    var name: String
    var expr: CheckedExpr
  }

  /// The `let`, `factor` and `knockout` declarations in file order.
  enum Item {
    case letValue(Int)
    case factor(Int)
    case knockout(Int)
  }

  var name: String
  var version: String
  var inputs: [Input]
  var tables: [Table]
  var lets: [Let]
  var factors: [Factor]
  var knockouts: [Rule]
  var items: [Item]
  var rating: [RatingBand]
  var denials: [Rule]
  var outputs: [Output]
}
