import ArgumentParser

/// The `greenrate` command: green ratings for small merchants, from rule files.
public struct GreenrateCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "greenrate",
    abstract: "Green ratings and green-loan eligibility for small merchants, from rule files.",
    subcommands: []
  )

  public init() {}
}
