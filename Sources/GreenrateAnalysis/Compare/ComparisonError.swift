/// Why a comparison or a drift could not run: an unknown or unfinished run, no
/// baseline, a damaged database. One sentence, for standard error; exit 1.
package struct AnalysisError: Error, Sendable, CustomStringConvertible {
  package var message: String

  package init(_ message: String) { self.message = message }

  package var description: String { message }
}
