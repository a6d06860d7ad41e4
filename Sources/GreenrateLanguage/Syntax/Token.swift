/// One lexical token of a rule file, with where it starts.
struct Token {
  var kind: TokenKind
  var location: SourceLocation
  /// An identifier's name, or a string literal's decoded value.
  var text: String = ""
  /// A number literal's value.
  var number: Double = 0
  /// The token's bytes in the source: [offset, end).
  var offset = 0
  var end = 0
}

/// What a token is; keywords and punctuation each have their own kind.
enum TokenKind: Hashable {
  case identifier
  case number
  case string
  case keyword(Keyword)
  case plus, minus, star, slash, coalesce
  case less, lessEqual, greater, greaterEqual, equal, notEqual
  case assign, leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
  case comma, colon, fatArrow, arrow, question
  /// Something the lexer already reported as an error; the parser skips the declaration
  /// silently so one mistake gives one message.
  case invalid
  case end

  /// How a message names this kind of token.
  var spelling: String {
    switch self {
    case .identifier: return "a name"
    case .number: return "a number"
    case .string: return "a string"
    case .keyword(let k): return "`\(k.rawValue)`"
    case .plus: return "`+`"
    case .minus: return "`-`"
    case .star: return "`*`"
    case .slash: return "`/`"
    case .coalesce: return "`??`"
    case .less: return "`<`"
    case .lessEqual: return "`<=`"
    case .greater: return "`>`"
    case .greaterEqual: return "`>=`"
    case .equal: return "`==`"
    case .notEqual: return "`!=`"
    case .assign: return "`=`"
    case .leftParen: return "`(`"
    case .rightParen: return "`)`"
    case .leftBracket: return "`[`"
    case .rightBracket: return "`]`"
    case .leftBrace: return "`{`"
    case .rightBrace: return "`}`"
    case .comma: return "`,`"
    case .colon: return "`:`"
    case .fatArrow: return "`=>`"
    case .arrow: return "`->`"
    case .question: return "`?`"
    case .invalid: return "an invalid token"
    case .end: return "the end of the file"
    }
  }
}

/// The reserved words of the language.
enum Keyword: String, CaseIterable {
  case ruleset, version, input, key, table
  case defaultValue = "default"
  case letValue = "let"
  case factor, when
  case elseBand = "else"
  case reason, knockout, rating, eligibility, deny, output, and, or, not
  case inSet = "in"
  case isCheck = "is"
  case missing
  case ifThen = "if"
  case then
  case trueValue = "true"
  case falseValue = "false"

  /// Every keyword by its spelling.
  static let bySpelling: [String: Keyword] = {
    var map: [String: Keyword] = [:]
    for k in allCases { map[k.rawValue] = k }
    return map
  }()

  /// The keywords that start a top-level part of a file, where error recovery resumes.
  var startsDeclaration: Bool {
    switch self {
    case .ruleset, .input, .table, .letValue, .factor, .knockout, .rating, .eligibility, .output:
      return true
    default:
      return false
    }
  }
}

extension Token {
  /// How a message names this token: names and keywords are quoted as written.
  var described: String {
    switch kind {
    case .identifier: return "`\(text)`"
    case .number: return "a number"
    case .string: return "a string"
    default: return kind.spelling
    }
  }
}
