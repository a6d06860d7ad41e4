import ArgumentParser
import GreenrateServer
import Logging

/// `greenrate-server`: parses the command line and runs the server.
@main
struct GreenrateServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "greenrate-server",
    abstract: "Serve a greenrate database and rule set over HTTP (JSON).",
    discussion: """
      Serves the ratings a batch stored, explanations, rescores and what-if scoring, with \
      the same compiled rules and database code as the greenrate command. The rule file \
      is watched: an edit that compiles (and passes --cases) is switched to without a \
      restart; a broken one is logged and the old rules stay. SIGTERM or SIGINT stops it \
      gracefully (requests in flight finish, at most 10 s). Routes: see /openapi.json.

      Exit codes: 0 stopped; 1 cannot start (no database, rules that do not load, port \
      in use); 64 bad usage.

      Examples:
        greenrate-server --db greenrate.sqlite
        greenrate-server --db ratings.sqlite --rules Rules/sme-green.rules \\
          --cases Rules/sme-green.cases.csv --port 9000 --token-file /etc/greenrate/token
      """)

  @Option(help: ArgumentHelp("The SQLite database a batch wrote.", valueName: "DB"))
  var db: String = "greenrate.sqlite"

  @Option(
    help: ArgumentHelp(
      "The rule file (default: the one the latest completed batch run recorded).",
      valueName: "RULES"))
  var rules: String?

  @Option(
    help: ArgumentHelp(
      "Case files the rules must pass at start and on every reload (repeatable).",
      valueName: "CASES"))
  var cases: [String] = []

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port, named in the log).")
  var port = 8080

  @Option(
    name: .customLong("token-file"),
    help: ArgumentHelp(
      "A file whose first line is the bearer token every route but /healthz needs.",
      valueName: "FILE"))
  var tokenFile: String?

  @Option(help: "Reader threads, each with its own database connection (default: cores, ≥ 2).")
  var readers: Int?

  @Option(
    name: .customLong("log-level"),
    help: "trace, debug, info (one line per request), notice, warning, error or critical.")
  var logLevel = "info"

  func validate() throws {
    if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
    if let readers, !(1...64).contains(readers) {
      throw ValidationError("--readers must be 1 to 64")
    }
    if Logger.Level(rawValue: logLevel) == nil {
      throw ValidationError(
        "--log-level must be one of trace, debug, info, notice, warning, error, critical")
    }
  }

  func run() async throws {
    var configuration = ServerConfiguration(databasePath: db)
    configuration.rulesPath = rules
    configuration.casePaths = cases
    configuration.host = host
    configuration.port = port
    configuration.tokenFile = tokenFile
    if let readers { configuration.readers = readers }
    configuration.logLevel = Logger.Level(rawValue: logLevel) ?? .info
    do {
      try await GreenrateServer.run(configuration)
    } catch let error as ServerError {
      FileHandleOutput.error("error: \(error.description)")
      throw ExitCode(1)
    }
  }
}
