// swift-tools-version:6.0
import PackageDescription

// Linux only: the store's durable save path uses Glibc calls, and CI builds and tests on Linux.
// No other platform is claimed.

let package = Package(
    name: "unge",
    products: [
        .executable(name: "unge", targets: ["UngeCLI"]),
        .library(name: "UngeCore", targets: ["UngeCore"]),
        .library(name: "UngeStore", targets: ["UngeStore"]),
    ],
    targets: [
        .target(name: "UngeCore"),
        .target(name: "UngeStore", dependencies: ["UngeCore"]),
        .executableTarget(name: "UngeCLI", dependencies: ["UngeCore", "UngeStore"]),
        .testTarget(name: "UngeCoreTests", dependencies: ["UngeCore"]),
        .testTarget(name: "UngeStoreTests", dependencies: ["UngeStore", "UngeCore"]),
        .testTarget(name: "UngeCLITests", dependencies: ["UngeCLI", "UngeCore", "UngeStore"]),
    ],
    swiftLanguageModes: [.v6]
)
