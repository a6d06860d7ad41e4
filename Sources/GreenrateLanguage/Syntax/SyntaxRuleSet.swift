/// A parsed rule file: its top-level parts in file order.
///
/// A part with a syntax error is kept with what could be read of it (at least its
/// name), so the checker can still declare the name and not report it as unknown later.
struct SyntaxRuleSet {
  var items: [SyntaxItem] = []
  /// Where the file ends, for errors about something missing.
  var end = SourceLocation(line: 1, column: 1)
  /// Each band's head, `when CONDITION` or `else`, as bytes of the source, by the band's
  /// location (see `BandSource`).
  var bandHeads: [SourceLocation: Range<Int>] = [:]
}

/// A name as written, with its location.
struct SyntaxName {
  var name: String
  var location: SourceLocation
}

/// A string literal as written, with its location.
struct SyntaxString {
  var value: String
  var location: SourceLocation
}

/// A type as written: `number`, `text?`, ...
struct SyntaxType {
  var name: String
  var isOptional: Bool
  var location: SourceLocation
  /// The location of the `?`, when there is one.
  var questionLocation: SourceLocation?
}

/// A table value or default: a number (possibly negated), a string, `true` or `false`.
struct SyntaxLiteral {
  var value: CheckedRuleSet.Literal
  var location: SourceLocation
}

/// One top-level part of a rule file.
enum SyntaxItem {
  case header(SyntaxHeader)
  case input(SyntaxInput)
  case table(SyntaxTable)
  case letValue(SyntaxBinding)
  case factor(SyntaxFactor)
  case knockout(SyntaxRule)
  case rating(SyntaxRating)
  case eligibility(SyntaxEligibility)
  case output(SyntaxBinding)

  /// The keyword that starts the part.
  var location: SourceLocation {
    switch self {
    case .header(let x): return x.location
    case .input(let x): return x.location
    case .table(let x): return x.location
    case .letValue(let x): return x.location
    case .factor(let x): return x.location
    case .knockout(let x): return x.location
    case .rating(let x): return x.location
    case .eligibility(let x): return x.location
    case .output(let x): return x.location
    }
  }
}

struct SyntaxHeader {
  var location: SourceLocation
  var name: SyntaxString?
  var version: SyntaxString?
}

struct SyntaxInput {
  var location: SourceLocation
  var name: SyntaxName?
  var type: SyntaxType?
  /// The `key` keyword's location, when present.
  var key: SourceLocation?
}

struct SyntaxTable {
  var location: SourceLocation
  var name: SyntaxName?
  var keyType: SyntaxType?
  var valueType: SyntaxType?
  var entries: [(key: SyntaxString, value: SyntaxLiteral)] = []
  var defaultValue: SyntaxLiteral?
  /// False when a syntax error cut the declaration short.
  var isComplete = false
}

/// A `let` or `output` declaration: `NAME = EXPR` (the item's case says which).
struct SyntaxBinding {
  var location: SourceLocation
  var name: SyntaxName?
  var expr: SyntaxExpr?
}

/// A factor band: `when COND => POINTS [reason "CODE"]`, or `else => ...` (no condition).
struct SyntaxBand {
  var location: SourceLocation
  var condition: SyntaxExpr?
  var points: Double
  var reason: SyntaxString?
}

struct SyntaxFactor {
  var location: SourceLocation
  var name: SyntaxName?
  var title: SyntaxString?
  var bands: [SyntaxBand] = []
  var isComplete = false
  /// The closing `}`.
  var end: SourceLocation?
}

/// A knockout or a deny line: `"CODE" when COND`.
struct SyntaxRule {
  var location: SourceLocation
  var code: SyntaxString?
  var condition: SyntaxExpr?
}

/// A rating band: `when COND => "LABEL"` or `else => "LABEL"` (no condition).
struct SyntaxRatingBand {
  var location: SourceLocation
  var condition: SyntaxExpr?
  var label: SyntaxString
}

struct SyntaxRating {
  var location: SourceLocation
  var bands: [SyntaxRatingBand] = []
  var isComplete = false
}

struct SyntaxEligibility {
  var location: SourceLocation
  var denials: [SyntaxRule] = []
  var isComplete = false
}
