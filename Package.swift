// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Schakel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schakel", targets: ["schakel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        // Pure workflow state-machine library.
        .target(name: "Meldroute", dependencies: ["TextSafety", .product(name: "Yams", package: "Yams")]),
        // Domain types, access policy, working-day calendar. Pure.
        .target(name: "SchakelCore", dependencies: ["Meldroute", "TextSafety", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // The one table of what text may never carry as it is, for the screen and the exports. Pure.
        .target(name: "TextSafety"),
        // The only target that imports GRDB.
        .target(name: "SchakelStore", dependencies: [
            "SchakelCore", "Meldroute", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Demo data and load generation, on top of the store (no SQL of its own).
        .target(name: "SchakelDemo", dependencies: ["SchakelStore", "SchakelCore", "Meldroute"]),
        // Cells, grid, display width, sanitiser, layout, widgets, keys. Pure.
        .target(name: "TerminalKit", dependencies: ["TextSafety"]),
        // The system ncursesw library; only CursesTerminal imports it.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalKit"]),
        // State, actions, reduce, views, and the loop over injected terminal and store.
        .target(name: "SchakelApp", dependencies: ["TerminalKit", "SchakelCore", "Meldroute"]),
        .executableTarget(
            name: "schakel",
            dependencies: [
                "SchakelApp", "SchakelStore", "SchakelDemo", "CursesTerminal", "SchakelCore", "Meldroute",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Figures against goals: `swift run -c release schakel-benchmarks`. Not part of the tests.
        .executableTarget(name: "schakel-benchmarks", dependencies: ["SchakelStore", "SchakelDemo", "SchakelCore", "Meldroute", "CSyncCounter"],
                          path: "Sources/SchakelBenchmarks"),
        // For the benchmarks: a SQLite VFS that counts syncs.
        .target(name: "CSyncCounter", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Every input path and every export as a fuzz target with its property (pure but for curses' key names).
        .target(name: "SchakelFuzzing", dependencies: ["SchakelCore", "Meldroute", "TextSafety", "TerminalKit", "CursesTerminal",
                                                       .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // `schakel-fuzz`: replays inputs through a target; with SCHAKEL_LIBFUZZER, the libFuzzer binary (Scripts/fuzz.sh).
        .executableTarget(name: "schakel-fuzz", dependencies: ["SchakelFuzzing"], path: "Sources/SchakelFuzz"),
        // A worker process for the store's multi-process tests.
        .executableTarget(name: "schakel-store-worker", dependencies: ["SchakelStore", "SchakelDemo", "SchakelCore", "Meldroute"],
                          path: "Sources/SchakelStoreWorker"),
        .testTarget(name: "MeldrouteTests", dependencies: ["Meldroute", "TestSupport"]),
        .testTarget(name: "SchakelCoreTests", dependencies: ["SchakelCore", "TestSupport", "SchakelFuzzing"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "TestSupport"]),
        .testTarget(name: "SchakelFuzzingTests", dependencies: ["SchakelFuzzing", "SchakelCore"]),
        // What the store's and the demo's tests share: a scratch directory, the shipped workflows.
        .target(name: "TestSupport", dependencies: ["SchakelCore", "Meldroute"], path: "Tests/Support"),
        .testTarget(name: "SchakelStoreTests", dependencies: ["SchakelStore", "SchakelDemo", "SchakelCore", "Meldroute", "TestSupport",
                                                          .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SchakelDemoTests", dependencies: ["SchakelDemo", "SchakelStore", "SchakelCore", "Meldroute", "TestSupport",
                                                         .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SchakelAppTests", dependencies: ["SchakelApp", "TerminalKit", "SchakelCore", "Meldroute"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["schakel", "schakel-store-worker", "SchakelCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Snapshots"]),
    ]
)
