import GreenrateGenerator
import GreenrateLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `greenrate-bench rules [SCALE] [SHAPE] [--tenfold]`: checks generated rule files that
/// once took quadratic time the way `greenrate check` does (lex, parse, type-check,
/// compile and lint): 100,000 factors, a 1,000,000-entry table, 100,000 errors, a rating
/// block of 100,000 bands, and 100,000 comparisons with rating labels no band gives
/// (100,000 warnings). Each at a tenth of its size and at full size (with `--tenfold`
/// also at ten times), the median of three runs; the ratio of each size to the one
/// before it is about 10 for a linear checker (n log n a little more), 100 for a
/// quadratic one.
///
/// SCALE (default 1) multiplies every size; 0.1 gives a quick look. SHAPE picks one.
func rulesBenchMain(_ arguments: [String]) {
  let tenfold = arguments.contains("--tenfold")
  let positional = arguments.filter { !$0.hasPrefix("--") }
  let scale = positional.first.flatMap { Double($0) } ?? 1
  let only = positional.dropFirst().first.flatMap(StressRules.Shape.init(rawValue:))
  let sizes: [(StressRules.Shape, Int)] = [
    (.factors, 100_000), (.table, 1_000_000), (.errors, 100_000), (.bands, 100_000),
    (.labels, 100_000),
  ]
  for (shape, full) in sizes where only == nil || only == shape {
    let big = max(10, Int(Double(full) * scale))
    var counts = [max(1, big / 10), big]
    if tenfold { counts.append(big * 10) }
    var line = pad("\(shape.rawValue)", 8)
    var previous: Double?
    for count in counts {
      let time = medianCheckSeconds(shape, count: count)
      line += pad(" \(count):", 11) + pad(format(time), 8) + " s"
      if let previous, previous > 0 { line += " (×" + format(time / previous, digits: 1) + ")" }
      previous = time
    }
    print(line)
  }
}

/// Seconds for the median of three checks (compile and lint, errors included).
private func medianCheckSeconds(_ shape: StressRules.Shape, count: Int) -> Double {
  let source = StressRules.source(shape, count: count)
  var times: [Double] = []
  for _ in 0..<3 {
    let start = monotonicSeconds()
    var diagnostics: [Diagnostic] = []
    do {
      diagnostics = try Program.compileWithWarnings(source: source, file: "stress.rules").warnings
    } catch {
      diagnostics = error.diagnostics
    }
    times.append(monotonicSeconds() - start)
    let expected = shape == .errors || shape == .labels ? count : 0
    if diagnostics.count != expected && times.count == 1 {
      let first = diagnostics.first.map { ": \($0.location): \($0.message)" } ?? ""
      print("  (\(shape) \(count): \(diagnostics.count) diagnostics, expected \(expected)\(first))")
    }
  }
  return times.sorted()[1]
}

private func monotonicSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

private func format(_ value: Double, digits: Int = 3) -> String {
  var scaled = value
  var factor = 1.0
  for _ in 0..<digits { factor *= 10 }
  scaled = (value * factor).rounded() / factor
  return "\(scaled)"
}

private func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
