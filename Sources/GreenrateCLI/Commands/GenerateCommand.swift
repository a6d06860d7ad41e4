import ArgumentParser
import GreenrateEngine
import GreenrateGenerator
import GreenrateLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `greenrate generate`: reproducible synthetic merchants for demos, tests and benchmarks.
package struct GenerateCommand: ParsableCommand {
  package static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write synthetic merchant records (CSV or JSON Lines) from a seed.",
    discussion: """
      The records follow the realistic merchant record of the domain notes: about 45% \
      retail, 20% catering, 10% manufacturing and 10% residential services; log-normal \
      revenue around 600k CNY; energy use blank for ~40%, green power share for ~60%; \
      rare environmental penalties, overdue loans and dishonest debtors. The fields are \
      those of Rules/sme-green.rules plus merchant_name and city.

      The same --count, --seed, --format and --as-of always give the same bytes, and a \
      smaller --count gives a prefix of a larger one.

      Examples:
        greenrate generate --count 5000 --seed 2026 --output merchants.csv
        greenrate generate --count 4000000 --seed 7 --format jsonl > big.jsonl
      """
  )

  // `.unconditional`: a negative value (`--count -1`) is read as the option's value and
  // refused by `validate()` with a clear message, not taken for an unknown flag.
  @Option(parsing: .unconditional, help: "Number of merchants to write.")
  var count: Int = 1000

  @Option(parsing: .unconditional, help: "Seed of the random stream (an unsigned 64-bit integer).")
  var seed: UInt64 = 1

  @Option(help: "csv or jsonl (default: jsonl when --output ends in .jsonl or .ndjson, else csv).")
  var format: InputFormat?

  @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
  var output: String?

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp("Opening dates are drawn up to 40 years back from DATE.", valueName: "DATE"))
  var asOf: String = "2026-11-01"

  package init() {}

  package func validate() throws {
    guard count >= 0 else { throw ValidationError("--count must be 0 or more, not \(count)") }
    guard Day.parse(asOf) != nil else {
      throw ValidationError("--as-of must be a real date as YYYY-MM-DD, not `\(asOf)`")
    }
  }

  package func run() throws {
    let path = output ?? ""
    let chosen =
      format ?? (path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") ? .jsonl : .csv)
    let generator = MerchantGenerator(
      seed: seed, format: chosen,
      referenceDay: Day.parse(asOf) ?? MerchantGenerator.defaultReferenceDay)
    guard let output else {
      do {
        try generator.write(count: count, to: STDOUT_FILENO)
      } catch {
        Console.error(Console.outputFailure(error.errorNumber ?? EIO))
        throw ExitCode(1)
      }
      return
    }
    let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    // Errors below reach `GreenrateCommand.run`, which prints them as one `error:` line.
    guard fd >= 0 else {
      throw MerchantGeneratorError("cannot open \(output): \(System.errorText(errno))")
    }
    do {
      try generator.write(count: count, to: fd)
    } catch {
      close(fd)
      throw MerchantGeneratorError(
        "cannot write \(output): \(error.errorNumber.map(System.errorText) ?? error.message)")
    }
    if close(fd) != 0 {
      throw MerchantGeneratorError("cannot write \(output): \(System.errorText(errno))")
    }
  }
}
