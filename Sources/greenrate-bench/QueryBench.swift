import GreenrateEngine
import GreenrateStore

/// `greenrate-bench query DB SQL [REPEAT]`: runs one query on a fresh connection
/// `REPEAT` times (default 5) and prints its first row and the median seconds — for the
/// read figures of `scripts/bench-nights` without needing the sqlite3 shell.
func queryBenchMain(_ arguments: [String]) {
  guard arguments.count >= 2 else {
    print("usage: greenrate-bench query DB SQL [REPEAT]")
    return
  }
  let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
  var times: [Double] = []
  var first = ""
  do {
    for _ in 0..<max(1, repeats) {
      let db = try Database(path: arguments[0], readOnly: true)
      let start = benchSeconds()
      let statement = try db.prepare(arguments[1])
      var row: [String] = []
      if try statement.step() {
        for c in 0..<statement.columnCount { row.append(statement.text(c) ?? "null") }
      }
      while try statement.step() {}
      times.append(benchSeconds() - start)
      first = row.joined(separator: "|")
    }
  } catch {
    print("query failed: \(error)")
    return
  }
  times.sort()
  print(
    "\(first)  median \(benchFixed(times[times.count / 2], 3)) s "
      + "(min \(benchFixed(times[0], 3)), max \(benchFixed(times[times.count - 1], 3)), n \(times.count))"
  )
}
