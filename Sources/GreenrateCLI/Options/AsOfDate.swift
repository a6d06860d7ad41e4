import ArgumentParser
import GreenrateEngine
import GreenrateLanguage

/// The `--as-of DATE` option: a `YYYY-MM-DD` day, default today in UTC.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "The run's as-of date (YYYY-MM-DD); default today in UTC.", valueName: "DATE"))
  var asOf: String?

  func validate() throws {
    if let asOf, Day.parse(asOf) == nil {
      throw ValidationError("--as-of must be a real date as YYYY-MM-DD, not `\(asOf)`")
    }
  }

  /// The day number of the as-of date.
  var day: Int {
    if let asOf, let day = Day.parse(asOf) { return day }
    return System.todayUTC()
  }
}
