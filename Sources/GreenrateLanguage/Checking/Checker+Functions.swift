extension Checker {
  /// A built-in function with fixed parameters.
  struct Signature {
    var function: Function
    var parameters: [BaseType]
    var result: BaseType
  }

  static let signatures: [String: Signature] = [
    "abs": Signature(function: .abs, parameters: [.number], result: .number),
    "floor": Signature(function: .floor, parameters: [.number], result: .number),
    "ceil": Signature(function: .ceil, parameters: [.number], result: .number),
    "sqrt": Signature(function: .sqrt, parameters: [.number], result: .number),
    "ln": Signature(function: .ln, parameters: [.number], result: .number),
    "log10": Signature(function: .log10, parameters: [.number], result: .number),
    "clamp": Signature(function: .clamp, parameters: [.number, .number, .number], result: .number),
    "years_since": Signature(function: .yearsSince, parameters: [.date], result: .number),
    "days_since": Signature(function: .daysSince, parameters: [.date], result: .number),
    "count": Signature(function: .count, parameters: [.set], result: .number),
    "length": Signature(function: .length, parameters: [.text], result: .number),
    "lower": Signature(function: .lower, parameters: [.text], result: .text),
    "upper": Signature(function: .upper, parameters: [.text], result: .text),
    "starts_with": Signature(function: .startsWith, parameters: [.text, .text], result: .bool),
    "ends_with": Signature(function: .endsWith, parameters: [.text, .text], result: .bool),
    "contains": Signature(function: .contains, parameters: [.text, .text], result: .bool),
    "substr": Signature(function: .substr, parameters: [.text, .number, .number], result: .text),
  ]

  static let functionNames = [
    "min", "max", "abs", "floor", "ceil", "sqrt", "ln", "log10", "round", "clamp", "years_since",
    "days_since", "date", "count", "length", "lower", "upper", "starts_with", "ends_with",
    "contains", "substr",
  ]

  static func arguments(_ n: Int) -> String { n == 1 ? "1 argument" : "\(n) arguments" }

  mutating func checkCall(_ name: String, _ arguments: [SyntaxExpr], at: SourceLocation)
    -> CheckedExpr?
  {
    switch name {
    case "date":
      return checkDate(arguments, at: at)
    case "round":
      return checkRound(arguments, at: at)
    case "min", "max":
      if arguments.count < 2 {
        error("`\(name)` takes two or more arguments, not \(arguments.count)", at: at)
      }
      let checked = checkArguments(
        name, arguments, Array(repeating: .number, count: arguments.count))
      let node = checked.map { CheckedNode.call(name == "min" ? .min : .max, $0) }
      return make(.number, at, arguments.count < 2 ? nil : node)
    default:
      break
    }
    guard let signature = Checker.signatures[name] else {
      for argument in arguments { _ = check(argument) }
      if scope[name] != nil || Checker.builtIn(name) != nil {
        error("`\(name)` is not a function", at: at)
      } else if let guess = Suggestions.closest(to: name, among: Checker.functionNames) {
        error("unknown function `\(name)` (did you mean `\(guess)`?)", at: at)
      } else {
        error("unknown function `\(name)`", at: at)
      }
      return nil
    }
    let type = ValueType(signature.result)
    guard arguments.count == signature.parameters.count else {
      for argument in arguments { _ = check(argument) }
      error(
        "`\(name)` takes \(Checker.arguments(signature.parameters.count)), not \(arguments.count)",
        at: at)
      return make(type, at, nil)
    }
    let checked = checkArguments(name, arguments, signature.parameters)
    return make(type, at, checked.map { .call(signature.function, $0) })
  }

  /// Checks each argument against its parameter type; nil if any was wrong.
  mutating func checkArguments(_ name: String, _ arguments: [SyntaxExpr], _ parameters: [BaseType])
    -> [CheckedExpr]?
  {
    var checked: [CheckedExpr] = []
    var valid = true
    for (i, (argument, parameter)) in zip(arguments, parameters).enumerated() {
      let c = operand(argument, parameter) { found in
        parameters.count == 1
          ? "`\(name)` needs a `\(parameter.rawValue)`, not `\(found)`"
          : "argument \(i + 1) of `\(name)` must be `\(parameter.rawValue)`, not `\(found)`"
      }
      if let c { checked.append(c) } else { valid = false }
    }
    return valid ? checked : nil
  }

  /// `date("YYYY-MM-DD")`: a literal, folded to its day number.
  mutating func checkDate(_ arguments: [SyntaxExpr], at: SourceLocation) -> CheckedExpr? {
    guard arguments.count == 1 else {
      for argument in arguments { _ = check(argument) }
      error("`date` takes 1 argument, not \(arguments.count)", at: at)
      return make(.date, at, nil)
    }
    guard case .text(let text, let textAt) = arguments[0] else {
      _ = check(arguments[0])
      error(
        "`date` needs a date written in quotes, like `date(\"2024-01-31\")`",
        at: arguments[0].start)
      return make(.date, at, nil)
    }
    guard let day = Day.parse(text.string) else {
      error(
        "`\(text.string)` is not a valid date; write a real day as `YYYY-MM-DD`", at: textAt)
      return make(.date, at, nil)
    }
    return CheckedExpr(type: .date, location: at, node: .date(day))
  }

  /// `round(x)` or `round(x, digits)`, digits an integer literal from 0 to 10.
  mutating func checkRound(_ arguments: [SyntaxExpr], at: SourceLocation) -> CheckedExpr? {
    guard arguments.count == 1 || arguments.count == 2 else {
      for argument in arguments { _ = check(argument) }
      error("`round` takes 1 or 2 arguments, not \(arguments.count)", at: at)
      return make(.number, at, nil)
    }
    let x = operand(arguments[0], .number) { found in
      arguments.count == 1
        ? "`round` needs a `number`, not `\(found)`"
        : "argument 1 of `round` must be `number`, not `\(found)`"
    }
    var digits = 0
    if arguments.count == 2 {
      // An integer literal: digits only, so `2.0` and `1e0` are refused too.
      if case .number(let value, let written, _) = arguments[1], value <= 10,
        !written.isEmpty, written.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
      {
        digits = Int(value)
      } else {
        error(
          "the digits of `round` must be an integer literal from 0 to 10",
          at: arguments[1].start)
        return make(.number, at, nil)
      }
    }
    return make(.number, at, x.map { .call(.round(digits: digits), [$0]) })
  }
}
