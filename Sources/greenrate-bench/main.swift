// Benchmarks behind scripts/bench; see that script.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "score": scoreBenchMain(Array(arguments.dropFirst()))
case "parse": parseBenchMain(Array(arguments.dropFirst()))
case "batch": batchBenchMain(Array(arguments.dropFirst()))
case "rules": rulesBenchMain(Array(arguments.dropFirst()))
case "query": queryBenchMain(Array(arguments.dropFirst()))
case "compare": compareBenchMain(Array(arguments.dropFirst()))
default:
  print(
    "usage: greenrate-bench (score RULES [N] [--uniform] | parse [ROWS] [DIR] | batch [RULES] [N] [DIR] [--full-only] | rules [SCALE] [SHAPE] [--tenfold] | query DB SQL [REPEAT] | compare [RULES] [N] [DIR])"
  )
}
