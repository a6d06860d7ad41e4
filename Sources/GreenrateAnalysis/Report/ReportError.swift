import GreenrateEngine
import GreenrateStore

/// Why a report could not be made.
package enum ReportError: Error, Sendable, CustomStringConvertible {
  /// No such run (or, with no run given, no completed batch run).
  case unknownRun(Int64?)
  /// The run has not finished (running now, or killed).
  case unfinishedRun(Int64)
  /// The baseline given is unknown or not a completed run.
  case badBaseline(Int64, String)
  /// A `--by` field the run did not store (a usage error).
  case unknownField(String, available: [String])
  /// `--by` on the key, which is different for every merchant (a usage error).
  case keyField(String)
  case database(SQLiteError)

  /// Whether the command line was at fault (exit 64) rather than the data (exit 1).
  package var isUsage: Bool {
    switch self {
    case .unknownField, .keyField: return true
    default: return false
    }
  }

  package var description: String {
    switch self {
    case .unknownRun(let id?): return "no run \(id) in the database"
    case .unknownRun(nil): return "no completed batch run in the database"
    case .unfinishedRun(let id):
      return "run \(id) has not finished (running, or killed: `greenrate batch --resume \(id)`)"
    case .badBaseline(let id, let why): return "baseline run \(id) \(why)"
    case .unknownField(let name, let available):
      return
        "--by \(name): the run stored no input of that name (inputs: \(available.joined(separator: ", ")))"
    case .keyField(let name):
      return
        "--by \(name): that is the key, different for every merchant; pick an input such as province"
    case .database(let error): return error.message
    }
  }
}
