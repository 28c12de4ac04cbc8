// swift-tools-version:6.1
import PackageDescription

// Linux only: the store's durable save path uses Glibc calls, and CI builds and tests on Linux.
// No other platform is claimed.
//
// The default build links nothing beyond Foundation. The team build (`swift build --traits
// PostgreSQL`) adds the PostgreSQL store, linked against the operating system's libpq (Debian:
// libpq-dev to build, libpq5 to run); give it its own `--scratch-path` (CI uses `.build-pg`).

let package = Package(
    name: "unge",
    products: [
        .executable(name: "unge", targets: ["UngeCLI"]),
        .library(name: "UngeCore", targets: ["UngeCore"]),
        .library(name: "UngeStore", targets: ["UngeStore"]),
    ],
    traits: [
        .trait(name: "PostgreSQL", description: "The team store on PostgreSQL (needs libpq)."),
        .default(enabledTraits: []),
    ],
    targets: [
        .target(name: "UngeCore"),
        .systemLibrary(
            name: "CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .target(
            name: "UngeStore",
            dependencies: ["UngeCore", .target(name: "CLibPQ", condition: .when(traits: ["PostgreSQL"]))]),
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
