/// What `greenrate --version` reports about the build itself.
package enum BuildInfo {
  /// The release version of greenrate.
  package static let version = "0.1.0"

  /// The git commit the binary was built from, with `-dirty` when the tree had
  /// uncommitted changes; `unknown` when built outside a git checkout.
  package static let commit = gitCommit
}
