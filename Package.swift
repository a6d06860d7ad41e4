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
    // Change control and monitoring: champion against challenger, drift, rule coverage.
    .target(
      name: "GreenrateAnalysis",
      dependencies: ["GreenrateEngine", "GreenrateReaders", "GreenrateLanguage"]),
    // The commands, as a library the tests import.
    .target(
      name: "GreenrateCLI",
      dependencies: [
        "GreenrateLanguage", "GreenrateReaders", "GreenrateEngine", "GreenrateGenerator",
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
        "GreenrateEngine", "GreenrateReaders", "GreenrateLanguage", "GreenrateGenerator", "CSQLite",
      ],
      exclude: ["Fixtures"]
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
        "GreenrateGenerator",
      ],
      exclude: ["Fixtures"]
    ),
  ]
)
