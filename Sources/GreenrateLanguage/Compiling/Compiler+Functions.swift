#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Calls of the built-in functions.
extension Compiler {
  /// Whether a function gives a `bool` (compiled as a condition, not a scalar).
  static func isPredicate(_ function: Function) -> Bool {
    switch function {
    case .startsWith, .endsWith, .contains: return true
    default: return false
    }
  }

  /// A call of a function giving a number.
  func numberCall(_ function: Function, _ args: [CheckedExpr], at location: SourceLocation)
    -> NumberCode
  {
    switch function {
    case .min: return extremum(MinimumOperation.self, args)
    case .max: return extremum(MaximumOperation.self, args)
    case .abs: return unary(args) { Swift.abs($0) }
    case .floor: return unary(args) { $0.rounded(.down) }
    case .ceil: return unary(args) { $0.rounded(.up) }
    case .sqrt:
      let x = argument(args, 0)
      return { f in
        let v = x(f)
        if v < 0 { return Self.functionFailure(f, "`sqrt` of a negative number", v, location) }
        return v.squareRoot()
      }
    case .ln:
      let x = argument(args, 0)
      return { f in
        let v = x(f)
        if v <= 0 {
          return Self.functionFailure(f, "`ln` of a number that is not positive", v, location)
        }
        return log(v)
      }
    case .log10:
      let x = argument(args, 0)
      return { f in
        let v = x(f)
        if v <= 0 {
          return Self.functionFailure(f, "`log10` of a number that is not positive", v, location)
        }
        return log10(v)
      }
    case .round(let digits):
      let x = argument(args, 0)
      let scale = Rounding.scale(digits: digits)
      return { f in
        let v = Rounding.round(x(f), scale: scale)
        if !v.isFinite { return Self.functionFailure(f, "result is not finite", nil, location) }
        return v
      }
    case .clamp where args.count == 3:
      let x = scalarOperand(args[0])
      let lo = scalarOperand(args[1])
      let hi = scalarOperand(args[2])
      return { f in
        let v = Self.value(x, f)
        let low = Self.value(lo, f)
        let high = Self.value(hi, f)
        return Swift.min(Swift.max(v, low), high)
      }
    case .yearsSince:
      let x = argument(args, 0)
      return { f in DateFunctions.yearsSince(x(f), f) }
    case .daysSince:
      let x = argument(args, 0)
      return { f in DateFunctions.daysSince(x(f), asOf: f.asOf) }
    case .count:
      guard let arg = args.first else { return { _ in .nan } }
      switch setOperand(arg) {
      case .input(let s): return { f in Double(f.inputSets[s].count) }
      case .constant(let set):
        let n = Double(set.count)
        return { _ in n }
      case .code(let c): return { f in Double(c(f).count) }
      }
    case .length:
      guard let arg = args.first else { return { _ in .nan } }
      let t = text(arg)
      return { f in
        guard let v = t(f) else { return .nan }
        return Double(TextFunctions.length(v))
      }
    default:
      return { _ in .nan }
    }
  }

  /// A call of `starts_with`, `ends_with` or `contains`.
  func predicateCall(_ function: Function, _ args: [CheckedExpr]) -> BoolCode {
    guard args.count == 2 else { return { _ in false } }
    let test: @Sendable (Text, Text) -> Bool
    switch function {
    case .startsWith: test = TextFunctions.startsWith
    case .endsWith: test = TextFunctions.endsWith
    default: test = TextFunctions.contains
    }
    let t = text(args[0])
    let operand = textOperand(args[1])
    if case .constant(let c?) = operand {
      return { f in
        guard let v = t(f) else { return false }
        return test(v, c)
      }
    }
    let part = textCode(operand)
    return { f in
      let v = t(f)
      let p = part(f)
      guard let v, let p else { return false }
      return test(v, p)
    }
  }

  /// A call of `lower`, `upper` or `substr`.
  func textCall(_ function: Function, _ args: [CheckedExpr]) -> TextCode {
    guard let first = args.first else { return { _ in nil } }
    let inline = inlineText
    if let call = registerTextCall(function, args, inline: inline) { return call }
    let t = text(first)
    switch function {
    case .lower:
      return { f in t(f).map { TextFunctions.lower($0, inline: inline) } }
    case .upper:
      return { f in t(f).map { TextFunctions.upper($0, inline: inline) } }
    case .substr where args.count == 3:
      switch (scalarOperand(args[1]), scalarOperand(args[2])) {
      case (.constant(let start), .constant(let length)):
        return { f in
          guard let v = t(f) else { return nil }
          return TextFunctions.substr(v, start, length, inline: inline)
        }
      case (let start, let length):
        let s = code(start)
        let n = code(length)
        return { f in
          let v = t(f)
          let from = s(f)
          let count = n(f)
          guard let v else { return nil }
          return TextFunctions.substr(v, from, count, inline: inline)
        }
      }
    default:
      return { _ in nil }
    }
  }

  /// `lower`, `upper` or `substr` with constant positions of an input or let text, read
  /// in place.
  private func registerTextCall(_ function: Function, _ args: [CheckedExpr], inline: Bool)
    -> TextCode?
  {
    guard let (input, slot) = textRegister(args[0]) else { return nil }
    switch function {
    case .lower, .upper:
      let upper: Bool
      if case .upper = function { upper = true } else { upper = false }
      if input {
        return { f in TextFunctions.mapCase(at: f.inputTexts + slot, upper: upper, inline: inline) }
      }
      return { f in TextFunctions.mapCase(at: f.texts + slot, upper: upper, inline: inline) }
    case .substr where args.count == 3:
      guard case .constant(let start) = scalarOperand(args[1]),
        case .constant(let length) = scalarOperand(args[2])
      else { return nil }
      if input {
        return { f in TextFunctions.substr(at: f.inputTexts + slot, start, length, inline: inline) }
      }
      return { f in TextFunctions.substr(at: f.texts + slot, start, length, inline: inline) }
    default:
      return nil
    }
  }

  private func argument(_ args: [CheckedExpr], _ i: Int) -> NumberCode {
    guard i < args.count else { return { _ in .nan } }
    return scalar(args[i])
  }

  private func unary(_ args: [CheckedExpr], _ body: @escaping @Sendable (Double) -> Double)
    -> NumberCode
  {
    guard let arg = args.first else { return { _ in .nan } }
    switch scalarOperand(arg) {
    case .slot(let s): return { f in body(f.scalars[s]) }
    case let operand:
      let x = code(operand)
      return { f in body(x(f)) }
    }
  }

  /// `min`/`max` of two or more numbers, folded left to right.
  private func extremum<Op: ScalarOperation>(_: Op.Type, _ args: [CheckedExpr]) -> NumberCode
  where Op.Result == Double {
    let operands = args.map(scalarOperand)
    if operands.count == 2 {
      switch (operands[0], operands[1]) {
      case (.slot(let a), .constant(let c)): return { f in Op.apply(f.scalars[a], c) }
      case (.code(let a), .constant(let c)): return { f in Op.apply(a(f), c) }
      default:
        let a = code(operands[0])
        let b = code(operands[1])
        return { f in
          let x = a(f)
          return Op.apply(x, b(f))
        }
      }
    }
    // A left fold of nested closures: no array of closures to call through.
    guard var folded = operands.first.map(code) else { return { _ in .nan } }
    for operand in operands.dropFirst() {
      let left = folded
      let right = code(operand)
      folded = { f in
        let x = left(f)
        return Op.apply(x, right(f))
      }
    }
    return folded
  }

  @inline(never)
  static func functionFailure(
    _ f: Frame, _ message: String, _ value: Double?, _ location: SourceLocation
  ) -> Double {
    if let value {
      f.fail(at: location, "\(message) (\(Rounding.describe(value)))")
    } else {
      f.fail(at: location, message)
    }
    return .nan
  }
}
