extension Program {
  /// Parses, checks and compiles a rule file; throws every error found.
  public static func compile(source: [UInt8], file: String) throws(RuleFileError) -> Program {
    fatalError("FRONTEND/COMPILER-HELPER: parse -> check -> compile")
  }
}

/// The compiled form of a rule set. COMPILER-HELPER owns this.
struct CompiledCode: Sendable {}
