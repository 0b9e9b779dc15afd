// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PerformanceGate",
    platforms: [.macOS(.v13)],
    dependencies: [
        // In your package: .package(url: "https://github.com/<owner>/regress", branch: "main")
        .package(name: "regress", path: "../.."),
    ],
    targets: [
        .target(name: "WordCount"),
        .testTarget(
            name: "WordCountTests",
            dependencies: ["WordCount", .product(name: "RegressTesting", package: "regress")]
        ),
    ]
)
