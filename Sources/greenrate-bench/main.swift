// Benchmarks behind scripts/bench; see that script. BENCH: filled in later.
print("greenrate-bench: nothing yet")
