import ArgumentParser
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders
import GreenrateStore

/// The one place where a failure becomes an exit code: 1 when the work failed, 64
/// (`validationFailure`) for bad usage; the error goes to standard error first, one
/// clear line (a rule file's diagnostics as rendered).
extension ExitCode {
  /// Prints `error: MESSAGE` and returns the exit to throw.
  static func failure(_ message: String, usage: Bool = false) -> ExitCode {
    Console.error("error: \(message)")
    return usage ? .validationFailure : ExitCode(1)
  }

  /// Prints an error from the layers below in its own way and returns the exit to throw.
  static func failure(_ error: any Error) -> ExitCode {
    switch error {
    case let exit as ExitCode:
      return exit
    case let error as RuleFileError:
      Console.error(error.rendered, terminator: "")
      return ExitCode(1)
    case let error as RescoreError:
      return failure(error.message, usage: error.isUsage)
    case let error as ReaderError:
      return failure(error.message)
    case let error as SQLiteError:
      return failure(error.message)
    case let error as BatchError:
      return failure(error.message)
    default:
      return failure("\(error)")
    }
  }
}
