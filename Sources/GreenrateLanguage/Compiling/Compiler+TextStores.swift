/// `upper`, `lower` and `substr` with constant positions of a text input or let, the
/// shapes of text lets such as `upper(industry_code)` or `substr(code, 0, 3)`, computed
/// straight into their register (see `scalarStore`) or tested for membership in place.
///
/// One closure instead of a store or test calling the function's code; and when the
/// argument is a short ASCII text, the result is handled as a `ShortText`: written into
/// the register directly, or looked up without building a text at all.
extension Compiler {
  func textStore(_ expr: CheckedExpr, into s: Int) -> StepCode {
    if folded(expr) == nil, case .call(let function, let args) = expr.node, !args.isEmpty {
      if let (input, slot) = textRegister(args[0]) {
        switch function {
        case .lower:
          return caseStore(upper: false, input: input, slot, into: s)
        case .upper:
          return caseStore(upper: true, input: input, slot, into: s)
        case .substr where args.count == 3:
          guard case .constant(let start) = scalarOperand(args[1]),
            case .constant(let length) = scalarOperand(args[2])
          else { break }
          return substrStore(start, length, input: input, slot, into: s)
        default:
          break
        }
      }
    }
    let code = text(expr)
    return { f in f.texts[s] = code(f) }
  }

  /// `upper`/`lower` of text input or register `slot` into text register `s`.
  private func caseStore(upper: Bool, input: Bool, _ slot: Int, into s: Int) -> StepCode {
    let inline = inlineText
    @inline(__always) @Sendable func run(_ f: Frame, _ source: UnsafePointer<Text?>) {
      let target = f.texts + s
      if inline, let short = ShortText.ascii(at: source) {
        ShortText.store(short.mappingCase(upper: upper), into: target)
        return
      }
      Self.storeCase(at: source, upper: upper, inline: inline, into: target)
    }
    if input { return { f in run(f, f.inputTexts + slot) } }
    return { f in run(f, f.texts + slot) }
  }

  /// `substr` with constant positions of text input or register `slot` into register `s`.
  private func substrStore(_ start: Double, _ length: Double, input: Bool, _ slot: Int, into s: Int)
    -> StepCode
  {
    let inline = inlineText
    let (first, end) = ShortText.substrBounds(start: start, length: length)
    @inline(__always) @Sendable func run(_ f: Frame, _ source: UnsafePointer<Text?>) {
      let target = f.texts + s
      if inline, let short = ShortText.ascii(at: source) {
        ShortText.store(short.substr(first: first, end: end), into: target)
        return
      }
      Self.storeSubstr(at: source, start, length, inline: inline, into: target)
    }
    if input { return { f in run(f, f.inputTexts + slot) } }
    return { f in run(f, f.texts + slot) }
  }

  /// `substr(_, start, length)` of the text in `source` when it is short ASCII (see
  /// `ShortText.substrBounds`), else nil.
  @inline(__always)
  static func inlineSubstr(at source: UnsafePointer<Text?>, first: Int, end: Int) -> ShortText? {
    ShortText.ascii(at: source)?.substr(first: first, end: end)
  }

  /// `substr(text, start, length)` of a text input or let with constant positions: where
  /// the text is, and the positions.
  func substrOfRegister(_ expr: CheckedExpr)
    -> (input: Bool, slot: Int, start: Double, length: Double)?
  {
    guard folded(expr) == nil, case .call(.substr, let args) = expr.node, args.count == 3,
      case .constant(let start) = scalarOperand(args[1]),
      case .constant(let length) = scalarOperand(args[2])
    else { return nil }
    guard let (input, slot) = textRegister(args[0]) else { return nil }
    return (input, slot, start, length)
  }

  /// `substr(...) in [...]` for a `substrOfRegister` shape and a constant set: a short
  /// text is cut and looked up as words, never built as a text.
  func substrMembership(_ x: CheckedExpr, _ match: TextMatcher) -> BoolCode {
    guard let (input, slot, start, length) = substrOfRegister(x) else { return { _ in false } }
    let inline = inlineText
    let (first, end) = ShortText.substrBounds(start: start, length: length)
    @inline(__always) @Sendable func test(_ source: UnsafePointer<Text?>) -> Bool {
      if inline, let words = Self.inlineSubstr(at: source, first: first, end: end) {
        return match.index(ofInline: words) >= 0
      }
      return Self.substrIn(match, at: source, start, length)
    }
    if input { return { f in test(f.inputTexts + slot) } }
    return { f in test(f.texts + slot) }
  }

  // The general paths, out of line: inlined, they would make every call of the fast path
  // save and restore registers they alone need.

  @inline(never)
  static func storeCase(
    at source: UnsafePointer<Text?>, upper: Bool, inline: Bool,
    into target: UnsafeMutablePointer<Text?>
  ) {
    target.pointee = TextFunctions.mapCase(at: source, upper: upper, inline: inline)
  }

  @inline(never)
  static func substrIn(
    _ match: TextMatcher, at source: UnsafePointer<Text?>, _ start: Double, _ length: Double
  ) -> Bool {
    guard let v = TextFunctions.substr(at: source, start, length, inline: false) else {
      return false
    }
    return match.contains(v)
  }

  @inline(never)
  static func storeSubstr(
    at source: UnsafePointer<Text?>, _ start: Double, _ length: Double, inline: Bool,
    into target: UnsafeMutablePointer<Text?>
  ) {
    target.pointee = TextFunctions.substr(at: source, start, length, inline: inline)
  }
}
