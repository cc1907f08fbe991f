// swift-tools-version:6.0
import PackageDescription

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
    .executableTarget(name: "commission", dependencies: ["CommissionCLI"]),
    // The benchmark: `swift run -c release commission-bench [--compare]`.
    .executableTarget(name: "commission-bench", dependencies: ["Commissioning", "CommissionCLI"]),
    .testTarget(
      name: "CommissioningTests", dependencies: ["Commissioning"], exclude: ["Fixtures"]),
    .testTarget(
      name: "CommissionCLITests",
      // The executable is a dependency so `swift test` builds it for the end-to-end tests.
      dependencies: ["CommissionCLI", "Commissioning", "commission"],
      exclude: ["Golden", "Scripts", "BadInput"]
    ),
  ]
)
