// swift-tools-version:6.0
import PackageDescription

/// The release binary carries the Swift runtime and Foundation in it, so it starts without the
/// dynamic loader binding a dozen shared libraries (a quarter of the bundled register's
/// `expiring`; Performance.md). The objects were compiled against the shared modules, whose
/// link entries leave out Foundation's own C libraries, so they are named here, in one group
/// the linker searches until nothing more resolves. Debug builds (and the tests) stay dynamic;
/// Linux only (Apple platforms have no static Swift runtime, and ship theirs with the system).
let staticRuntime =
  ["-static-stdlib"]
  + ([
    "--start-group", "-lFoundation", "-lCoreFoundation", "-lFoundationInternationalization",
    "-lFoundationEssentials", "-l_FoundationCShims", "-l_FoundationCollections",
    "-l_FoundationICU", "-lswiftSynchronization", "-lswift_Builtin_float", "-lswiftCore",
    "--end-group",
  ].flatMap { ["-Xlinker", $0] })

let package = Package(
  name: "CommissioningPlanner",
  products: [
    .library(name: "Commissioning", targets: ["Commissioning"]),
    .executable(name: "commission", targets: ["commission"]),
    .executable(name: "commission-bench", targets: ["commission-bench"]),
  ],
  dependencies: [],
  targets: [
    // The domain, the parsers, the planner and the renderers. Never touches the world.
    .target(name: "Commissioning"),
    // The command layer: arguments to an invocation, files in, text out, exit codes.
    .target(name: "CommissionCLI", dependencies: ["Commissioning"]),
    .executableTarget(
      name: "commission", dependencies: ["CommissionCLI"],
      linkerSettings: [
        .unsafeFlags(staticRuntime, .when(platforms: [.linux], configuration: .release))
      ]),
    // The benchmark: `swift run -c release commission-bench [--compare]`.
    .executableTarget(name: "commission-bench", dependencies: ["Commissioning", "CommissionCLI"]),
    .testTarget(
      name: "CommissioningTests", dependencies: ["Commissioning"], exclude: ["Fixtures"]),
    .testTarget(
      name: "CommissionCLITests",
      // The executable is a dependency so `swift test` builds it for the end-to-end tests.
      dependencies: ["CommissionCLI", "Commissioning", "commission"],
      exclude: ["Golden", "Scripts", "BadInput", "Opportunities"]
    ),
  ]
)
