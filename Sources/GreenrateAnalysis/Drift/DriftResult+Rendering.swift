import GreenrateEngine

extension DriftResult {
  /// The contract's JSON object, keys in the contract's order, on one line.
  package var json: String {
    var w = JSONWriter(capacity: 2048)
    w.field("{\"run\":", Int(runID))
    w.field(",\"baseline\":", Int(baselineID))
    w.raw(",\"same_rules\":")
    w.bool(sameRules)
    w.field(",\"score_psi\":", scorePSI)
    w.field(",\"rating_psi\":", ratingPSI)
    w.field(",\"status\":", status.rawValue)
    w.raw(",\"bins\":")
    w.array(bins) { w, bin in
      w.raw("{\"upper\":")
      if let upper = bin.upper { w.number(upper == 0 ? 0 : upper) } else { w.null() }
      w.field(",\"baseline\":", bin.baseline)
      w.field(",\"run\":", bin.run)
      w.byte(UInt8(ascii: "}"))
    }
    w.raw(",\"ratings\":")
    w.array(ratings) { w, share in
      w.field("{\"rating\":", share.rating)
      w.field(",\"baseline\":", share.baseline)
      w.field(",\"run\":", share.run)
      w.byte(UInt8(ascii: "}"))
    }
    w.raw(",\"factors\":")
    w.array(factors) { w, factor in
      w.field("{\"name\":", factor.name)
      w.field(",\"psi\":", factor.psi)
      w.byte(UInt8(ascii: "}"))
    }
    w.byte(UInt8(ascii: "}"))
    return w.text
  }

  /// `drift     vs run B: score PSI 0.012, rating PSI 0.008 (stable)`, indented like
  /// the batch summary's other lines.
  package var summaryLine: String {
    "  drift     vs run \(baselineID): score PSI \(Figures.fixed(scorePSI, 3)), "
      + "rating PSI \(Figures.fixed(ratingPSI, 3)) (\(status.rawValue))"
  }

  /// The drift as a person reads it.
  package var text: String {
    var lines: [String] = []
    lines.append(
      "run \(runID) (\(Figures.grouped(runCount)) rated) against baseline run \(baselineID) "
        + "(\(Figures.grouped(baselineCount)) rated)"
        + (sameRules ? ", same rule file" : ", different rule files"))
    lines.append(
      "score PSI \(Figures.fixed(scorePSI, 4)), rating PSI \(Figures.fixed(ratingPSI, 4)): "
        + status.rawValue)
    lines.append("")
    lines.append("score bins (baseline deciles)")
    var rows = AlignedRows()
    rows.add(["bin", "score up to", "baseline", "run"])
    for (k, bin) in bins.enumerated() {
      rows.add([
        String(k + 1), bin.upper.map(Figures.number) ?? "above",
        DriftResult.percent(bin.baseline), DriftResult.percent(bin.run),
      ])
    }
    lines += rows.lines
    lines.append("")
    lines.append("ratings")
    rows = AlignedRows()
    rows.add(["rating", "baseline", "run"])
    for share in ratings {
      rows.add([share.rating, DriftResult.percent(share.baseline), DriftResult.percent(share.run)])
    }
    lines += rows.lines
    if !factors.isEmpty {
      lines.append("")
      lines.append("factors")
      rows = AlignedRows()
      rows.add(["factor", "PSI", ""])
      for factor in factors {
        rows.add([
          factor.name, Figures.fixed(factor.psi, 4), DriftResult.Status(psi: factor.psi).rawValue,
        ])
      }
      lines += rows.lines
    }
    return lines.joined(separator: "\n")
  }

  static func percent(_ share: Double) -> String { Figures.fixed(100 * share, 1) + "%" }
}
