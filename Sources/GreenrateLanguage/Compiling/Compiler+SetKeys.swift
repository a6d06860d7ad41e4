/// Membership tests of literal texts in set inputs, answered from per-record bit masks.
extension Compiler {
  /// Finds every `"KEY" in input` on a set input and gives each such input a mask
  /// register (at most 64 keys per input; an input with more keeps scanning).
  mutating func collectSetKeys() {
    var keys: [Int: [Text]] = [:]
    forEachExpression { expr in
      _ = Self.anyNode(in: expr) { node in
        if case .inSet(let item, let set) = node, case .text(let key) = item.node,
          case .reference(.input(let i)) = set.node,
          case .set(let slot) = layout.fields[i].storage, !(keys[slot] ?? []).contains(key)
        {
          keys[slot, default: []].append(key)
        }
        return false
      }
    }
    for (slot, texts) in keys.sorted(by: { $0.key < $1.key }) where texts.count <= 64 {
      registers.masks += 1
      setKeys[slot] = SetKeys(slot: slot, keys: TextMatcher(texts), mask: registers.masks - 1)
    }
  }

  /// Calls `body` with every expression of the rule set.
  func forEachExpression(_ body: (CheckedExpr) -> Void) {
    for l in rules.lets { body(l.expr) }
    for factor in rules.factors {
      for band in factor.bands { band.condition.map(body) }
    }
    for rule in rules.knockouts { body(rule.condition) }
    for band in rules.rating { band.condition.map(body) }
    for rule in rules.denials { body(rule.condition) }
    for output in rules.outputs { body(output.expr) }
  }

  /// The test of `key in` set input `slot` by its mask, when the input has one.
  func maskTest(_ key: Text, inSet slot: Int) -> BoolCode? {
    guard let entry = setKeys[slot] else { return nil }
    let i = entry.keys.index(of: key)
    guard i >= 0 else { return nil }
    let bit: UInt64 = 1 << UInt64(i)
    let mask = entry.mask
    return { f in f.masks[mask] & bit != 0 }
  }

  /// The step filling every mask register from the record's sets.
  func setMaskStep() -> StepCode {
    let steps = setKeys.values.sorted { $0.slot < $1.slot }.map { entry in
      let (slot, keys, mask) = (entry.slot, entry.keys, entry.mask)
      return Step(run: { f in f.masks[mask] = keys.mask(of: f.inputSets + slot) })
    }
    return Self.sequence(steps[...])
  }
}
