import Foundation
import Logging

/// How `greenrate-server` was asked to run (its command line).
package struct ServerConfiguration: Sendable {
  /// The database a batch wrote (never created by the server).
  package var databasePath: String
  /// The rule file; nil for the one the latest completed batch run recorded.
  package var rulesPath: String?
  /// Case files a rule file must pass, at start and on every reload.
  package var casePaths: [String] = []
  package var host = "127.0.0.1"
  /// 0 picks a free port (the log line `listening on` names it).
  package var port = 8080
  /// A file whose first line is the bearer token every route but /healthz needs.
  package var tokenFile: String?
  /// Reader threads (each with its own connection); the writer thread is one more.
  package var readers = max(2, ProcessInfo.processInfo.activeProcessorCount)
  package var logLevel: Logger.Level = .info

  package init(databasePath: String) {
    self.databasePath = databasePath
  }
}
