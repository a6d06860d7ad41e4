extension ComparisonResult {
  /// The comparison as a person reads it: both rule sets, the migration matrix with
  /// totals, eligibility swaps, the top codes, the score delta and factor shifts.
  package var text: String {
    var lines: [String] = []
    func describe(_ side: RuleSet) -> String {
      var text = "\(side.name) \(side.version)"
      if let run = side.runID { text += " (run \(run))" }
      return text + ", sha256 \(side.sha256.prefix(12))"
    }
    lines.append("champion    " + describe(champion))
    lines.append("challenger  " + describe(challenger))
    lines.append("as of       \(asOf)")
    lines.append(
      "compared    \(Figures.grouped(compared)) merchants; rejected by the champion "
        + "\(Figures.grouped(rejectedByChampion)), by the challenger "
        + "\(Figures.grouped(rejectedByChallenger))")
    lines.append("")
    lines.append("rating migration (rows: champion, columns: challenger)")
    lines += matrixLines
    lines.append("")
    lines.append(
      "eligibility both \(Figures.grouped(eligibility.both)), neither "
        + "\(Figures.grouped(eligibility.neither)), swap in \(Figures.grouped(eligibility.swapIn)), "
        + "swap out \(Figures.grouped(eligibility.swapOut))")
    lines.append("  swap-out codes (challenger): " + ComparisonResult.top(swapOutCodes))
    lines.append("  swap-in codes (champion):    " + ComparisonResult.top(swapInCodes))
    lines.append("")
    lines.append(
      "score delta (challenger - champion): \(Figures.grouped(scoreDelta.changed)) of "
        + "\(Figures.grouped(compared)) changed; mean \(Figures.signed(scoreDelta.mean, 2)), "
        + "min \(Figures.number(scoreDelta.min)), p5 \(Figures.number(scoreDelta.p5)), "
        + "p50 \(Figures.number(scoreDelta.p50)), p95 \(Figures.number(scoreDelta.p95)), "
        + "max \(Figures.number(scoreDelta.max))")
    if !factors.isEmpty {
      lines.append("")
      lines.append("factor mean points")
      var rows = AlignedRows()
      rows.add(["factor", "champion", "challenger", "shift"])
      for f in factors {
        rows.add([
          f.name, Figures.fixed(f.championMean, 2), Figures.fixed(f.challengerMean, 2),
          Figures.signed(f.challengerMean - f.championMean, 2),
        ])
      }
      lines += rows.lines
    }
    for note in notes { lines.append("note: " + note) }
    return lines.joined(separator: "\n")
  }

  /// The migration matrix as aligned rows, with a total row and column.
  var matrixLines: [String] {
    let from = champion.ratingLabels
    let to = challenger.ratingLabels
    var rows = AlignedRows()
    rows.add(["champion \\ challenger"] + to + ["total"])
    var columnTotals = Array(repeating: 0, count: to.count)
    for a in from {
      var cells = [a]
      var total = 0
      for (j, b) in to.enumerated() {
        let n = count(from: a, to: b)
        total += n
        columnTotals[j] += n
        cells.append(Figures.grouped(n))
      }
      rows.add(cells + [Figures.grouped(total)])
    }
    rows.add(["total"] + columnTotals.map(Figures.grouped) + [Figures.grouped(compared)])
    return rows.lines
  }

  /// The first codes by count, `CODE n`, or `none`.
  static func top(_ codes: [CodeCount], limit: Int = 8) -> String {
    if codes.isEmpty { return "none" }
    var parts = codes.prefix(limit).map { "\($0.code) \(Figures.grouped($0.count))" }
    if codes.count > limit { parts.append("and \(codes.count - limit) more") }
    return parts.joined(separator: ", ")
  }
}
