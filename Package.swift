// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "greenrate",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "greenrate", targets: ["greenrate"]),
    // The HTTP service: its own product, so `greenrate` never links the HTTP stack.
    .executable(name: "greenrate-server", targets: ["greenrate-server"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // The server only (see the GreenrateServer target): HTTP/1.1 on SwiftNIO, metrics in
    // Prometheus text format, structured logs.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    // Already under Hummingbird; named for the listening socket's port (NIOCore) and for
    // the service group's 10 s graceful-shutdown bound (ServiceLifecycle).
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
    // The SQLite store: schema, runs, ratings, rejects and reads. A target of its own so
    // that the compiler enforces that the store knows no rule syntax (no
    // GreenrateLanguage here): the engine hands it plain values and its own row types.
    .target(name: "GreenrateStore", dependencies: ["CSQLite"]),
    // The scoring pipeline, rescoring, JSON output, and the store read back as rule values.
    .target(
      name: "GreenrateEngine",
      dependencies: ["GreenrateLanguage", "GreenrateReaders", "GreenrateStore", "CSQLite"]),
    // Seeded synthetic merchants for samples, demos and benchmarks: not part of the engine.
    .target(name: "GreenrateGenerator", dependencies: ["GreenrateLanguage"]),
    // The version and the git commit the binary is built from (written by the plugin).
    .target(name: "GreenrateBuildInfo", plugins: ["BuildInfoPlugin"]),
    .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
    // Change control and monitoring: champion against challenger, drift, rule coverage.
    .target(
      name: "GreenrateAnalysis",
      dependencies: ["GreenrateEngine", "GreenrateStore", "GreenrateReaders", "GreenrateLanguage"]),
    // The commands, as a library the tests import.
    .target(
      name: "GreenrateCLI",
      dependencies: [
        "GreenrateLanguage", "GreenrateReaders", "GreenrateStore", "GreenrateEngine",
        "GreenrateGenerator", "GreenrateBuildInfo",
        "GreenrateAnalysis",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "greenrate", dependencies: ["GreenrateCLI"]),
    // The HTTP service over the same engine: routes, the database thread pool, rules hot
    // reload, metrics. Hummingbird 2 serves HTTP/1.1 on SwiftNIO with graceful shutdown;
    // swift-metrics is the metrics API and swift-prometheus renders it for /metrics;
    // swift-log carries the one-line-per-request log.
    .target(
      name: "GreenrateServer",
      dependencies: [
        "GreenrateLanguage", "GreenrateReaders", "GreenrateStore", "GreenrateEngine",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      resources: [.copy("Resources/openapi.json")]
    ),
    .executableTarget(
      name: "greenrate-server",
      dependencies: [
        "GreenrateServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // Throughput measurements run by scripts/bench (release builds only).
    .executableTarget(
      name: "greenrate-bench",
      dependencies: [
        "GreenrateEngine", "GreenrateStore", "GreenrateReaders", "GreenrateLanguage",
        "GreenrateGenerator", "GreenrateAnalysis",
      ]
    ),
    // Helpers and fixtures shared by the test targets (a plain target under Tests/).
    .target(
      name: "GreenrateTestSupport",
      dependencies: ["GreenrateEngine", "GreenrateStore", "GreenrateLanguage"],
      path: "Tests/GreenrateTestSupport",
      exclude: ["Fixtures"]
    ),
    // Fuzz targets for everything read from outside (rules, CSV, JSON Lines, stored
    // records), a library so that the tests replay the corpus and findings through them.
    .target(
      name: "GreenrateFuzzing",
      dependencies: ["GreenrateLanguage", "GreenrateReaders", "GreenrateStore", "GreenrateEngine"]
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
    // The store alone: no rule file, no engine (rows built by hand).
    .testTarget(name: "GreenrateStoreTests", dependencies: ["GreenrateStore", "CSQLite"]),
    .testTarget(
      name: "GreenrateEngineTests",
      dependencies: [
        "GreenrateEngine", "GreenrateStore", "GreenrateReaders", "GreenrateTestSupport",
        "GreenrateLanguage",
        "GreenrateGenerator", "CSQLite",
      ]
    ),
    .testTarget(
      name: "GreenrateGeneratorTests",
      dependencies: [
        "GreenrateGenerator", "GreenrateReaders", "GreenrateStore", "GreenrateEngine",
        "GreenrateLanguage",
      ]
    ),
    .testTarget(
      name: "GreenrateAnalysisTests",
      dependencies: [
        "GreenrateAnalysis", "GreenrateStore", "GreenrateEngine", "GreenrateReaders",
        "GreenrateLanguage",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "GreenrateCLITests",
      dependencies: [
        "GreenrateCLI", "GreenrateStore", "GreenrateEngine", "GreenrateReaders",
        "GreenrateLanguage", "GreenrateGenerator", "GreenrateTestSupport",
      ],
      exclude: ["Fixtures"]
    ),
    // Starts the real greenrate-server process and talks HTTP to it.
    .testTarget(
      name: "GreenrateServerTests",
      dependencies: [
        "GreenrateServer", "GreenrateStore", "GreenrateEngine", "GreenrateReaders",
        "GreenrateLanguage",
      ]
    ),
  ]
)
