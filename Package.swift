// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "greenrate",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "greenrate", targets: ["greenrate"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // Debian's libsqlite3-dev, through one module map.
    .systemLibrary(
      name: "CSQLite",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // The rule language: lexer, parser, checker, compiler. No Foundation, no dependencies.
    .target(name: "GreenrateLanguage"),
    // Record readers: bytes to decoded records and rejects. A target of its own so that
    // the compiler enforces that readers never write (no CSQLite, no store here).
    .target(name: "GreenrateReaders", dependencies: ["GreenrateLanguage"]),
    // The scoring pipeline, rescoring, JSON output and the SQLite store.
    .target(
      name: "GreenrateEngine", dependencies: ["GreenrateLanguage", "GreenrateReaders", "CSQLite"]),
    // Seeded synthetic merchants for samples, demos and benchmarks: not part of the engine.
    .target(name: "GreenrateGenerator", dependencies: ["GreenrateLanguage"]),
    // The version and the git commit the binary is built from (written by the plugin).
    .target(name: "GreenrateBuildInfo", plugins: ["BuildInfoPlugin"]),
    .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
    // Change control and monitoring: champion against challenger, drift, rule coverage.
    .target(
      name: "GreenrateAnalysis",
      dependencies: ["GreenrateEngine", "GreenrateReaders", "GreenrateLanguage"]),
    // The commands, as a library the tests import.
    .target(
      name: "GreenrateCLI",
      dependencies: [
        "GreenrateLanguage", "GreenrateReaders", "GreenrateEngine", "GreenrateGenerator",
        "GreenrateBuildInfo",
        "GreenrateAnalysis",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "greenrate", dependencies: ["GreenrateCLI"]),
    // Throughput measurements run by scripts/bench (release builds only).
    .executableTarget(
      name: "greenrate-bench",
      dependencies: [
        "GreenrateEngine", "GreenrateReaders", "GreenrateLanguage", "GreenrateGenerator",
        "GreenrateAnalysis",
      ]
    ),
    // Helpers and fixtures shared by the test targets (a plain target under Tests/).
    .target(
      name: "GreenrateTestSupport",
      dependencies: ["GreenrateEngine", "GreenrateLanguage"],
      path: "Tests/GreenrateTestSupport",
      exclude: ["Fixtures"]
    ),
    // Fuzz targets for everything read from outside (rules, CSV, JSON Lines, stored
    // records), a library so that the tests replay the corpus and findings through them.
    .target(
      name: "GreenrateFuzzing",
      dependencies: ["GreenrateLanguage", "GreenrateReaders", "GreenrateEngine"]
    ),
    // libFuzzer entry point when built by scripts/fuzz (-DFUZZING -sanitize=fuzzer);
    // otherwise a replayer of inputs through a target.
    .executableTarget(name: "greenrate-fuzz", dependencies: ["GreenrateFuzzing"]),
    .testTarget(
      name: "GreenrateFuzzingTests",
      dependencies: ["GreenrateFuzzing"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "GreenrateLanguageTests",
      dependencies: ["GreenrateLanguage"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "GreenrateReadersTests",
      dependencies: ["GreenrateReaders", "GreenrateLanguage", "GreenrateGenerator"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "GreenrateEngineTests",
      dependencies: [
        "GreenrateEngine", "GreenrateReaders", "GreenrateTestSupport", "GreenrateLanguage",
        "GreenrateGenerator", "CSQLite",
      ]
    ),
    .testTarget(
      name: "GreenrateGeneratorTests",
      dependencies: [
        "GreenrateGenerator", "GreenrateReaders", "GreenrateEngine", "GreenrateLanguage",
      ]
    ),
    .testTarget(
      name: "GreenrateAnalysisTests",
      dependencies: [
        "GreenrateAnalysis", "GreenrateEngine", "GreenrateReaders", "GreenrateLanguage",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "GreenrateCLITests",
      dependencies: [
        "GreenrateCLI", "GreenrateEngine", "GreenrateReaders", "GreenrateLanguage",
        "GreenrateGenerator", "GreenrateTestSupport",
      ],
      exclude: ["Fixtures"]
    ),
  ]
)
