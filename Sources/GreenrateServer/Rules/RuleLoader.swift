import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

/// Compiles a rule file and runs the case files against it: the two checks a rule file
/// passes before the server uses it.
struct RuleLoader: Sendable {
  let path: String
  let casePaths: [String]

  /// The outcome of one attempt: the rules, or every error as compiler-style lines.
  enum Outcome {
    case loaded(LoadedRules)
    case failed([String])
  }

  /// Loads the file's current bytes (`bytes` when already read).
  func load(_ bytes: [UInt8]? = nil) -> Outcome {
    guard let source = bytes ?? System.readFile(path) else {
      return .failed(["\(path): error: cannot read the rule file"])
    }
    let program: Program
    do {
      program = try Program.compile(source: source, file: path)
    } catch {
      let lines = error.rendered.split(separator: "\n", omittingEmptySubsequences: true)
      return .failed(lines.map(String.init))
    }
    if !casePaths.isEmpty {
      do {
        let run = try CaseRun.run(program: program, casePaths: casePaths, asOf: System.todayUTC())
        if run.failed > 0 {
          return .failed(run.failures + ["\(run.passed) passed, \(run.failed) failed"])
        }
      } catch let error as ReaderError {
        return .failed(["error: \(error.message)"])
      } catch {
        return .failed(["error: \(error)"])
      }
    }
    return .loaded(LoadedRules(program: program, path: path, loadedAt: UTCTime.now()))
  }
}
