import GreenrateCLI

GreenrateCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
