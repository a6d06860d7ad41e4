import ArgumentParser
import Foundation
import GreenrateEngine
import GreenrateLanguage

/// `greenrate fmt`: lay rule files out the one canonical way.
struct FmtCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Format rule files in the one canonical layout.",
    discussion: """
      Two-space indented block bodies, one band, deny line or table entry per line, the \
      `=>` of a block's bands aligned, single spaces between tokens, comments and \
      blank-line groups kept. Formatting never changes what a file means, and formatting \
      a formatted file changes nothing. A file that does not parse is reported like \
      `check` does and left alone. A folder stands for every .rules file in it.

      Without options the formatted text goes to standard output. --write rewrites the \
      files that change (and names them); --check writes nothing, names the files that \
      would change and exits 1 if there are any (for CI, like `terraform fmt -check`).

      Examples:
        greenrate fmt Rules/sme-green.rules
        greenrate fmt --write Rules/
        greenrate fmt --check Rules/*.rules
      """
  )

  @Argument(help: "Rule files, or folders of them.")
  var rules: [String]

  @Flag(help: "Exit 1 naming the files that are not formatted; change nothing.")
  var check = false

  @Flag(help: "Rewrite the files that are not formatted, in place.")
  var write = false

  func validate() throws {
    if check && write { throw ValidationError("give --check or --write, not both") }
    if rules.isEmpty { throw ValidationError("give at least one rule file") }
  }

  func run() throws {
    var failed = false
    var unformatted: [String] = []
    for path in try files() {
      let source = try RuleFile.readFile(path)
      let formatted: [UInt8]
      do {
        formatted = try RuleFormatter.format(source, file: path)
      } catch {
        Console.error(error.rendered, terminator: "")
        failed = true
        continue
      }
      if check || write {
        guard formatted != source else { continue }
        unformatted.append(path)
        if write {
          if let failure = System.writeFileAtomically(path, formatted) {
            Console.error("error: cannot write `\(path)`: \(System.errorText(failure))")
            failed = true
            continue
          }
        }
        Console.line(path)
      } else {
        Console.write(formatted)
      }
    }
    if failed || (check && !unformatted.isEmpty) { throw ExitCode(1) }
  }

  /// The files named, folders replaced by their `.rules` files (sorted).
  private func files() throws -> [String] {
    var paths: [String] = []
    let fm = FileManager.default
    for path in rules {
      var isFolder: ObjCBool = false
      guard fm.fileExists(atPath: path, isDirectory: &isFolder) else {
        Console.error("error: cannot read `\(path)`")
        throw ExitCode(1)
      }
      guard isFolder.boolValue else {
        paths.append(path)
        continue
      }
      let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
        .filter { $0.hasSuffix(".rules") }.sorted()
      let base = path.hasSuffix("/") ? path : path + "/"
      paths += found.map { base + $0 }
    }
    return paths
  }
}
