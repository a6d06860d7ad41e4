import GreenrateGenerator
import GreenrateLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `greenrate-bench rules [SCALE] [SHAPE]`: checks and compiles generated rule files that once
/// took quadratic time (100,000 factors, a 1,000,000-entry table, 100,000 errors,
/// 100,000 rating bands), each at a tenth of its size and at full size, and prints the
/// seconds of each, the median of three runs, and the ratio of the two: a linear
/// compiler shows about 10 (n log n a little more), a quadratic one about 100.
///
/// SCALE (default 1) multiplies every size; 0.1 gives a quick look. SHAPE picks one.
func rulesBenchMain(_ arguments: [String]) {
  let scale = arguments.first.flatMap { Double($0) } ?? 1
  let only = arguments.dropFirst().first.flatMap(StressRules.Shape.init(rawValue:))
  let sizes: [(StressRules.Shape, Int)] = [
    (.factors, 100_000), (.table, 1_000_000), (.errors, 100_000), (.bands, 100_000),
  ]
  for (shape, full) in sizes where only == nil || only == shape {
    let big = max(10, Int(Double(full) * scale))
    let small = max(1, big / 10)
    let smallTime = medianCompileSeconds(shape, count: small)
    let bigTime = medianCompileSeconds(shape, count: big)
    let ratio = smallTime > 0 ? bigTime / smallTime : 0
    print(
      pad("\(shape.rawValue)", 8) + pad(" \(small):", 11) + pad(format(smallTime), 8) + " s"
        + pad("  \(big):", 12) + pad(format(bigTime), 8) + " s   ratio " + format(ratio, digits: 1))
  }
}

/// Seconds for the median of three compiles (check + compile, errors included).
private func medianCompileSeconds(_ shape: StressRules.Shape, count: Int) -> Double {
  let source = StressRules.source(shape, count: count)
  var times: [Double] = []
  for _ in 0..<3 {
    let start = monotonicSeconds()
    var diagnostics: [Diagnostic] = []
    do {
      _ = try Program.compile(source: source, file: "stress.rules")
    } catch {
      diagnostics = error.diagnostics
    }
    times.append(monotonicSeconds() - start)
    let expected = shape == .errors ? count : 0
    if diagnostics.count != expected && times.count == 1 {
      let first = diagnostics.first.map { ": \($0.location): \($0.message)" } ?? ""
      print("  (\(shape) \(count): \(diagnostics.count) errors, expected \(expected)\(first))")
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
