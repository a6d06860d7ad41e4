import ArgumentParser
import GreenrateEngine
import GreenrateReaders

/// `--format csv|jsonl`: the input's format when the file name does not tell.
extension InputFormat: ExpressibleByArgument {}

/// The format of an input path: `--format` first, else the extension.
func inputFormat(path: String, explicit: InputFormat?) throws -> InputFormat {
  if let explicit { return explicit }
  if let format = InputFormat.from(path: path) { return format }
  throw ValidationError(
    "cannot tell the format of `\(path)`: name it .csv, .jsonl or .ndjson, or pass --format")
}
