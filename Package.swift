// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Regula",
    // Linux only, so no `platforms:`: the linker flags below (lld, packed relocations, the static
    // OpenBLAS) and the kernel's glibc calls (mallopt, malloc_trim) have no macOS counterpart.
    products: [
        .executable(name: "regula", targets: ["regula"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libzmq, found through pkg-config (Debian: libzmq3-dev).
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        // The Jupyter kernel core: wire protocol, channels, dispatch. Knows nothing of Regula.
        .target(
            name: "JupyterKernel",
            dependencies: [
                "CZeroMQ",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // OpenBLAS's CBLAS header (Debian: libopenblas-dev). Linking is done by RegulaLearning.
        .systemLibrary(
            name: "CBLAS",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // The numerics: matrices, datasets, penalties, solvers, paths, training. Knows nothing
        // of the kernel or the language. OpenBLAS is linked statically: the shared library adds
        // about 3 MiB to every kernel's resident memory at start, the static one under 1 MiB.
        .target(
            name: "RegulaLearning",
            dependencies: ["CBLAS"],
            linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libopenblas.a"])]
        ),
        // Scales, axes, marks and the SVG writer; HTML and text tables.
        .target(name: "RegulaCharts"),
        // The Regula language: lexer, parser, evaluator, built-ins.
        .target(name: "RegulaLanguage", dependencies: ["RegulaCharts", "RegulaLearning"]),
        // The command line: `regula kernel`, `regula install`, `regula run`.
        .executableTarget(
            name: "regula",
            dependencies: [
                "JupyterKernel",
                "RegulaCharts",
                "RegulaLanguage",
                "RegulaLearning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // SHA-256, for the ids of widget models (LiveControls).
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Packed relative relocations (DT_RELR, glibc 2.36+, lld): the static OpenBLAS brings
            // about 57,000 relocations, which the loader would otherwise apply at every start,
            // dirtying pages; packing them keeps the kernel's resident memory down (bench/).
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"])]
        ),
        // Times the learning engine for bench/*.py; not shipped.
        .executableTarget(name: "regula-bench", dependencies: ["RegulaLearning"], path: "bench/RegulaBench"),
        // The libFuzzer targets (scripts/fuzz.sh): the parser's, and the evaluator's with the real
        // built-ins; built normally they replay input files. lld: gold fails on the sanitizers'
        // debug information.
        .target(name: "RegulaFuzzSupport", dependencies: ["RegulaLanguage"], path: "fuzz/Support"),
        .executableTarget(
            name: "regula-fuzz", dependencies: ["RegulaFuzzSupport", "RegulaLanguage"], path: "fuzz/ParserFuzzer",
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
        .executableTarget(
            name: "regula-fuzz-eval", dependencies: ["RegulaFuzzSupport", "RegulaLanguage"], path: "fuzz/EvaluatorFuzzer",
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
        .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel"]),
        // Golden/ holds .regula files the tests read from the source tree, not resources.
        .testTarget(name: "RegulaLanguageTests", dependencies: ["RegulaLanguage", "RegulaLearning"], exclude: ["Golden"]),
        // Snapshots/ holds the golden bytes of figures and tables (SnapshotTests.swift).
        .testTarget(name: "RegulaChartsTests", dependencies: ["RegulaCharts"], exclude: ["Snapshots"]),
        // Fixtures/ holds scikit-learn's reference solutions (scripts/make_sklearn_fixtures.py).
        .testTarget(name: "RegulaLearningTests", dependencies: ["RegulaLearning"], exclude: ["Fixtures"]),
    ]
)
