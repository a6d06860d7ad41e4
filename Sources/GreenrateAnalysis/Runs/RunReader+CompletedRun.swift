import GreenrateStore

extension RunReader {
  /// Run `id`, which must exist (and be a batch run when `batchOnly`) and have
  /// completed, else a clear sentence: `role` names it ("run", "baseline") and `need`
  /// says why it must have completed ("only a completed run can be compared").
  func completedRun(id: Int64, role: String, batchOnly: Bool, need: String) throws -> RunInfo {
    guard let run = try run(id: id) else {
      throw AnalysisError("\(role) \(id) does not exist in this database")
    }
    if batchOnly && run.kind != .batch {
      throw AnalysisError("\(role) \(id) is a \(run.kind.rawValue) run; drift compares batch runs")
    }
    guard run.status == .completed else {
      throw AnalysisError(
        "\(role) \(id) is \(run.status == .running ? "still running or was killed" : "failed")"
          + ": \(need)")
    }
    return run
  }
}
