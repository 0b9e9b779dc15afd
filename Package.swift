// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "regress",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "regress", targets: ["regress"]),
        .library(name: "RegressCore", targets: ["RegressCore"]),
        .library(name: "RegressGit", targets: ["RegressGit"]),
        .library(name: "RegressTesting", targets: ["RegressTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            path: "Sources/CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "RegressGit", dependencies: ["CLibGit2"]),
        .target(
            name: "RegressCore",
            dependencies: [
                "RegressGit",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // What a package's `swift test` calls to gate on performance (Swift Testing and XCTest).
        .target(name: "RegressTesting", dependencies: ["RegressCore"]),
        .executableTarget(
            name: "regress",
            dependencies: [
                "RegressCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets of the readers and the policy parser: `ci/fuzz`.
        .executableTarget(name: "regress-fuzz", dependencies: ["RegressCore"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RegressGitTests", dependencies: ["RegressGit", "TestSupport"]),
        .testTarget(name: "RegressCoreTests", dependencies: ["RegressCore", "TestSupport"],
                    exclude: ["Snapshots", "Fixtures"]),
        .testTarget(name: "RegressCLITests", dependencies: ["regress", "RegressCore", "TestSupport"]),
        .testTarget(name: "RegressTestingTests", dependencies: ["RegressTesting", "RegressCore", "TestSupport"]),
    ]
)
