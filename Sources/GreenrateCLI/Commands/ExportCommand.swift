import ArgumentParser
import GreenrateEngine
import GreenrateStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `greenrate export`: a run's ratings (or the current ones) as CSV or JSON Lines, one
/// row per merchant, for spreadsheets and warehouses.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write ratings as CSV or JSON Lines, one row per merchant.",
    discussion: """
      CSV columns: merchant_id, run_id, score, rating, eligible (true/false), reasons, \
      knockouts, denials (codes joined with `;`), then factor.NAME with each factor's \
      points and output.NAME with each output's value (empty when missing). JSON Lines: \
      one object per merchant shaped like `greenrate score` prints a result, plus run_id.

      By default (or with --current) each merchant's current rating (the \
      current_ratings view); --run RUN_ID writes every rating of that run in its input \
      order. The export streams: memory stays flat however many merchants there are. \
      With --output the file appears only when complete (written to FILE.partial, then \
      renamed). --excel (CSV only) writes a UTF-8 byte order mark and CRLF line ends, so \
      Excel opens Chinese text correctly.

      Examples:
        greenrate export --db ratings.sqlite --output ratings.csv
        greenrate export --db ratings.sqlite --run 12 --format jsonl > run12.jsonl
        greenrate export --db ratings.sqlite --excel --output ratings-for-excel.csv
      """
  )

  @OptionGroup var database: DatabaseOption

  @Option(
    name: .customLong("run"),
    help: ArgumentHelp("Export every rating of this run.", valueName: "RUN_ID"))
  var runID: Int64?

  @Flag(help: "Export each merchant's current rating (the default).")
  var current = false

  @Option(help: "csv or jsonl (default: jsonl when --output ends in .jsonl or .ndjson, else csv).")
  var format: Format?

  @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
  var output: String?

  @Flag(help: "CSV for Excel: a UTF-8 byte order mark and CRLF line ends.")
  var excel = false

  /// The formats, as `--format` spells them.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl
  }

  func validate() throws {
    if runID != nil && current { throw ValidationError("give --run RUN_ID or --current, not both") }
    if let runID, runID < 1 { throw ValidationError("--run must be a run id (1 or more)") }
    if excel && chosenFormat == .jsonl {
      throw ValidationError("--excel applies to CSV only")
    }
  }

  var chosenFormat: ExportFormat {
    switch format {
    case .csv: return .csv
    case .jsonl: return .jsonl
    case nil:
      let path = output ?? ""
      return path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? .jsonl : .csv
    }
  }

  func run() throws {
    let store = try database.open(.readOnly)
    let selection: ExportSelection = runID.map { .run($0) } ?? .current
    let target = output.map { "\($0).partial" }
    let fd: Int32
    if let target {
      fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw failure("cannot open \(target): \(ExportCommand.errnoText)") }
    } else {
      fd = STDOUT_FILENO
    }
    do {
      _ = try store.export(selection, format: chosenFormat, excel: excel) { bytes in
        try ExportCommand.writeAll(bytes, to: fd)
      }
    } catch {
      if let target {
        close(fd)
        unlink(target)
      }
      if let error = error as? SQLiteError { throw database.fail(error) }
      throw failure("\(error)")
    }
    guard let target, let output else { return }
    if close(fd) != 0 {
      unlink(target)
      throw failure("cannot write \(output): \(ExportCommand.errnoText)")
    }
    if rename(target, output) != 0 {
      let text = ExportCommand.errnoText
      unlink(target)
      throw failure("cannot write \(output): \(text)")
    }
  }

  private func failure(_ message: String) -> ExitCode {
    Console.error("error: \(message)")
    return ExitCode(1)
  }

  static var errnoText: String { String(cString: strerror(errno)) }

  /// Writes every byte, retrying short writes.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) throws {
    guard var base = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      let n = write(fd, base, left)
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw ExportWriteError(message: "cannot write: \(errnoText)") }
      base += n
      left -= n
    }
  }
}

/// A failed write of export output (a full disk, a closed pipe).
struct ExportWriteError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
