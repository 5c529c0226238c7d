// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Regula",
    platforms: [.macOS(.v13)],
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
        // Scales, axes, marks and the SVG writer; HTML and text tables.
        .target(name: "RegulaCharts"),
        // The Regula language: lexer, parser, evaluator, built-ins.
        .target(name: "RegulaLanguage", dependencies: ["RegulaCharts"]),
        // The command line: `regula kernel`, `regula install`, `regula run`.
        .executableTarget(
            name: "regula",
            dependencies: [
                "JupyterKernel",
                "RegulaLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel"]),
        // Golden/ holds .regula files the tests read from the source tree, not resources.
        .testTarget(name: "RegulaLanguageTests", dependencies: ["RegulaLanguage"], exclude: ["Golden"]),
        .testTarget(name: "RegulaChartsTests", dependencies: ["RegulaCharts"]),
    ]
)
