import Foundation
import Logging

/// How `greenrate-server` was asked to run (its command line).
public struct ServerConfiguration: Sendable {
  /// The database a batch wrote (never created by the server).
  public var databasePath: String
  /// The rule file; nil for the one the latest completed batch run recorded.
  public var rulesPath: String?
  /// Case files a rule file must pass, at start and on every reload.
  public var casePaths: [String] = []
  public var host = "127.0.0.1"
  /// 0 picks a free port (the log line `listening on` names it).
  public var port = 8080
  /// A file whose first line is the bearer token every route but /healthz needs.
  public var tokenFile: String?
  /// Reader threads (each with its own connection); the writer thread is one more.
  public var readers = max(2, ProcessInfo.processInfo.activeProcessorCount)
  public var logLevel: Logger.Level = .info

  public init(databasePath: String) {
    self.databasePath = databasePath
  }
}
