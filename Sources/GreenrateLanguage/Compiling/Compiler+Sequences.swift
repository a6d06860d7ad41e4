/// Statement sequences and band choices as nested closures (see `sequence`).
extension Compiler {
  /// Runs `steps` in order, stopping after the first that records a runtime error.
  ///
  /// Nested closures rather than a loop over an array: calling a closure captured by the
  /// running one costs no reference counting (calling one loaded from an array does).
  /// Up to eight steps run per closure, with the error check after the eight: a step after
  /// a failed one cannot change the first error, and errors are rare.
  static func sequence(_ steps: ArraySlice<Step>) -> StepCode {
    let s = Array(steps)
    switch s.count {
    case 0: return { _ in }
    case 1: return s[0].run
    case 2:
      let (s0, s1) = (s[0].run, s[1].run)
      return { f in
        s0(f)
        s1(f)
      }
    case 3:
      let (s0, s1, s2) = (s[0].run, s[1].run, s[2].run)
      return { f in
        s0(f)
        s1(f)
        s2(f)
      }
    case 4:
      let (s0, s1, s2, s3) = (s[0].run, s[1].run, s[2].run, s[3].run)
      return { f in
        s0(f)
        s1(f)
        s2(f)
        s3(f)
      }
    case 5:
      let (s0, s1, s2, s3, s4) = (s[0].run, s[1].run, s[2].run, s[3].run, s[4].run)
      return { f in
        s0(f)
        s1(f)
        s2(f)
        s3(f)
        s4(f)
      }
    case 6:
      let (s0, s1, s2, s3, s4, s5) = (s[0].run, s[1].run, s[2].run, s[3].run, s[4].run, s[5].run)
      return { f in
        s0(f)
        s1(f)
        s2(f)
        s3(f)
        s4(f)
        s5(f)
      }
    case 7:
      let (s0, s1, s2, s3, s4, s5, s6) = (
        s[0].run, s[1].run, s[2].run, s[3].run, s[4].run, s[5].run, s[6].run
      )
      return { f in
        s0(f)
        s1(f)
        s2(f)
        s3(f)
        s4(f)
        s5(f)
        s6(f)
      }
    case 8:
      let (s0, s1, s2, s3, s4, s5, s6, s7) = (
        s[0].run, s[1].run, s[2].run, s[3].run, s[4].run, s[5].run, s[6].run, s[7].run
      )
      return { f in
        s0(f)
        s1(f)
        s2(f)
        s3(f)
        s4(f)
        s5(f)
        s6(f)
        s7(f)
      }
    default:
      // Blocks of eight, each checked, grouped again when there are many.
      let blocks = stride(from: 0, to: s.count, by: 8).map { start in
        Step(run: sequence(s[start..<min(start + 8, s.count)]))
      }
      return checkedSequence(blocks[...])
    }
  }

  /// Runs `blocks` in order, stopping after the first that records a runtime error.
  private static func checkedSequence(_ blocks: ArraySlice<Step>) -> StepCode {
    let b = Array(blocks)
    switch b.count {
    case 0: return { _ in }
    case 1: return b[0].run
    case 2:
      let (x, y) = (b[0].run, b[1].run)
      return { f in
        x(f)
        if f.failed { return }
        y(f)
      }
    case 3:
      let (x, y, z) = (b[0].run, b[1].run, b[2].run)
      return { f in
        x(f)
        if f.failed { return }
        y(f)
        if f.failed { return }
        z(f)
      }
    default:
      let mid = b.count / 2
      let first = checkedSequence(b[..<mid])
      let second = checkedSequence(b[mid...])
      return { f in
        first(f)
        if f.failed { return }
        second(f)
      }
    }
  }

  /// The index in lo..<hi of the first true condition, or hi; later conditions are not
  /// evaluated. Up to four conditions per closure, chained (see `sequence`).
  static func firstTrue(_ conditions: [Condition], _ lo: Int, _ hi: Int) -> IndexCode {
    switch hi - lo {
    case ...0: return { _ in hi }
    case 1:
      let a = conditions[lo].test
      return { f in a(f) ? lo : hi }
    case 2:
      let (a, b) = (conditions[lo].test, conditions[lo + 1].test)
      return { f in a(f) ? lo : b(f) ? lo + 1 : hi }
    case 3:
      let (a, b, c) = (conditions[lo].test, conditions[lo + 1].test, conditions[lo + 2].test)
      return { f in a(f) ? lo : b(f) ? lo + 1 : c(f) ? lo + 2 : hi }
    case 4:
      let (a, b) = (conditions[lo].test, conditions[lo + 1].test)
      let (c, d) = (conditions[lo + 2].test, conditions[lo + 3].test)
      return { f in a(f) ? lo : b(f) ? lo + 1 : c(f) ? lo + 2 : d(f) ? lo + 3 : hi }
    default:
      // Halves, so that even thousands of bands nest only logarithmically deep.
      let mid = lo + (hi - lo) / 2
      let left = firstTrue(conditions, lo, mid)
      let right = firstTrue(conditions, mid, hi)
      return { f in
        let i = left(f)
        return i < mid ? i : right(f)
      }
    }
  }
}
