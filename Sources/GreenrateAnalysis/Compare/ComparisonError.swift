/// Why a comparison or a drift could not run: an unknown or unfinished run, no
/// baseline, a damaged database. One sentence, for standard error; exit 1.
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
