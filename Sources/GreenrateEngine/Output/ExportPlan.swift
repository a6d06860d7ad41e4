/// The columns of an export and how each run's stored rows map onto them.
///
/// A rating row keeps its factors as one band index per factor (a varint each) and its
/// outputs as a JSON object; the run's `factor_info` turns band indexes into points.
/// Every band's points are rendered once here, so writing a row copies bytes only.
struct ExportPlan {
  /// Factor names, newest run's order first, then any only older runs have.
  var factorNames: [String] = []
  /// Output names, likewise.
  var outputNames: [String] = []
  /// Per run id, how its rows map onto the columns.
  var runs: [Int64: RunLayout] = [:]

  /// One run's factors: each factor's column and each band's points as text.
  struct RunLayout {
    var factorColumns: [Int] = []
    var bandPoints: [[[UInt8]]] = []
  }

  /// The column of factor `name`, added at the end if new.
  mutating func factorColumn(_ name: String) -> Int {
    if let i = factorNames.firstIndex(of: name) { return i }
    factorNames.append(name)
    return factorNames.count - 1
  }

  /// Adds output `name` at the end if new.
  mutating func addOutput(_ name: String) {
    if !outputNames.contains(name) { outputNames.append(name) }
  }

  /// A number as JSON (and CSV) text.
  static func render(_ x: Double) -> [UInt8] {
    var w = JSONWriter(capacity: 24)
    w.number(x)
    return w.bytes
  }
}
