import GreenrateCLI

GreenrateCommand.main()
