// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "unge",
    platforms: [.macOS(.v13)],
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
