import Foundation
import PackagePlugin

/// Writes the git commit the binary is built from into `GitCommit.swift` before every
/// build (`scripts/build-info`), so `greenrate --version` names it without a release
/// step. The script rewrites the file only when the commit changes, so an unchanged
/// tree rebuilds nothing.
@main
struct BuildInfoPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
    let script = context.package.directoryURL.appending(path: "scripts/build-info")
    return [
      .prebuildCommand(
        displayName: "Embedding the git commit in \(target.name)",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: [script.path, context.package.directoryURL.path, output.path],
        outputFilesDirectory: output)
    ]
  }
}
