/// What `greenrate --version` reports about the build itself.
public enum BuildInfo {
  /// The release version of greenrate.
  public static let version = "0.1.0"

  /// The git commit the binary was built from, with `-dirty` when the tree had
  /// uncommitted changes; `unknown` when built outside a git checkout.
  public static let commit = gitCommit
}
