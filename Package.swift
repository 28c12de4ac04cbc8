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
        // Test hooks (`UNGE_NU`, `UNGE_TEST_CRASH_AT`, `UNGE_TEST_FAIL_AT`, `unge _taeller`) exist only
        // in debug builds, or in a release build made with `-Xswiftc -DUNGE_TEST_HOOKS` for the
        // harnesses: the binary municipal IT installs cannot back-date a note or an audit event.
        .executableTarget(
            name: "UngeCLI", dependencies: ["UngeCore", "UngeStore"],
            swiftSettings: [.define("UNGE_TEST_HOOKS", .when(configuration: .debug))]),
        .testTarget(name: "UngeCoreTests", dependencies: ["UngeCore"]),
        .testTarget(name: "UngeStoreTests", dependencies: ["UngeStore", "UngeCore"]),
        .testTarget(name: "UngeCLITests", dependencies: ["UngeCLI", "UngeCore", "UngeStore"]),
    ],
    swiftLanguageModes: [.v6]
)
