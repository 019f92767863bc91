// swift-tools-version: 6.1
// Stancewatch: a journald-native daemon that watches a feed folder of Russian news
// articles and raises an alert when a watched public figure's stance on a watched
// topic shifts, or diverges from their group's.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "stancewatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "stancewatch", targets: ["stancewatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Thin C surfaces: the only targets that see C headers.
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),

        // Swift wrappers around inotify, libsystemd, libstemmer and safe file access.
        .target(
            name: "Platform",
            dependencies: ["CSystemd", "CStemmer"],
            swiftSettings: strict
        ),
        // Articles, watchlists, Russian text and the stance engine.
        .target(
            name: "Corpus",
            dependencies: [
                "Platform",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Language")],
            swiftSettings: strict
        ),
        // Alert rules (shift, divergence), alert records and their sinks.
        .target(
            name: "Alerts",
            dependencies: [
                "Corpus", "Platform",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The embedded SQLite store: articles, stances, the alert outbox.
        .target(
            name: "Store",
            dependencies: [
                "Corpus", "Alerts", "Platform",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The shared PostgreSQL store: the same tables as Store, for several watcher hosts.
        .target(
            name: "PostgresStore",
            dependencies: [
                "Corpus", "Alerts", "Store", "Platform",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The daemon: feed scanning, inotify loop, ingest pipeline, systemd integration.
        .target(
            name: "Watcher",
            dependencies: [
                "Corpus", "Alerts", "Store", "Platform",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        // Timeline geometry: days to x, rows to y, marks, month aggregation, shift and divergence links (no store, no HTML).
        .target(
            name: "Timeline",
            dependencies: ["Corpus"],
            swiftSettings: strict
        ),
        // The analyst's view: the self-contained HTML report (Plot), the terminal timeline, the daemon's report keeper.
        .target(
            name: "Report",
            dependencies: [
                "Timeline", "Store", "Corpus", "Alerts",
                .product(name: "Plot", package: "Plot"),
            ],
            swiftSettings: strict
        ),
        // The command line: run, replay, stances, status, explain.
        .executableTarget(
            name: "stancewatch",
            dependencies: [
                "Watcher", "Corpus", "Alerts", "Store", "Platform", "Report", "PostgresStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // Developer tool: the engine alone over files (stances as JSON Lines, throughput figures).
        .executableTarget(
            name: "EngineProbe",
            dependencies: ["Corpus"],
            swiftSettings: strict
        ),

        // Benchmarks for `make bench`: prints figures, asserts nothing.
        .executableTarget(
            name: "StanceBench",
            dependencies: ["Watcher", "Corpus", "Alerts", "Store", "Platform"],
            path: "Benchmarks/StanceBench",
            swiftSettings: strict
        ),

        // Benchmark for the report: N generated stances through the real store, then the page's build time and size.
        .executableTarget(
            name: "ReportBench",
            dependencies: ["Report", "Store", "Alerts", "Corpus", "Platform"],
            path: "Benchmarks/ReportBench",
            swiftSettings: strict
        ),

        // Test support: a private systemd-journald namespace per test (real journald, no mocks).
        .target(name: "JournalTestSupport", dependencies: ["Platform"], path: "Tests/JournalTestSupport", swiftSettings: strict),
        // Test support: the gold scenarios, a stance builder, a list-scanning history, a seeded generator.
        .target(name: "TestFixtures", dependencies: ["Alerts", "Corpus"], path: "Tests/TestFixtures", swiftSettings: strict),
        // Test support: a throwaway PostgreSQL cluster per test process (real server, no mocks).
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport", swiftSettings: strict),
        .testTarget(name: "PostgresStoreTests", dependencies: [
            "PostgresStore", "Store", "Alerts", "Corpus", "Platform", "Report", "PostgresTestSupport", "JournalTestSupport", "TestFixtures",
        ]),
                .testTarget(name: "PlatformTests", dependencies: ["Platform", "JournalTestSupport", "TestFixtures"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "TestFixtures"]),
        .testTarget(name: "AlertsTests", dependencies: ["Alerts", "Corpus", "TestFixtures"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Alerts", "Corpus", "Platform", "TestFixtures", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "WatcherTests", dependencies: ["Watcher", "Store", "Corpus", "Alerts", "Platform", "JournalTestSupport", "TestFixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Platform", "JournalTestSupport", "TestFixtures"]),
        .testTarget(name: "TimelineTests", dependencies: ["Timeline", "Corpus"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Timeline", "Store", "Corpus", "Alerts", "Platform", "TestFixtures"]),
        .testTarget(name: "FaultTests", dependencies: ["Platform", "Corpus", "JournalTestSupport", "TestFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
