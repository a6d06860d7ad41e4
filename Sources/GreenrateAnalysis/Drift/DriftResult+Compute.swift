extension DriftResult {
  /// The contract's figures for `run` against `baseline`.
  package init(run: RunPopulation, baseline: RunPopulation) {
    let b = baseline.scores.sorted()
    let r = run.scores.sorted()
    // Edges e_k = b[ceil(k n / 10) − 1], k = 1...9 (none when the baseline is empty).
    let n = b.total
    let edges: [Double] =
      n > 0 ? (1...9).map { b.value(at: NearestRank.index($0, of: 10, count: n)) } : []
    func binCounts(_ values: SortedValues) -> [Int] {
      var counts = Array(repeating: 0, count: 10)
      for (x, c) in zip(values.values, values.counts) {
        counts[edges.firstIndex { x <= $0 } ?? 9] += c
      }
      return counts
    }
    let p = PSI.shares(binCounts(b), total: b.total)
    let q = PSI.shares(binCounts(r), total: r.total)
    bins = (0..<10).map { k in
      Bin(upper: k < 9 && !edges.isEmpty ? edges[k] : nil, baseline: p[k], run: q[k])
    }
    scorePSI = PSI.value(baseline: p, run: q)

    var labels = baseline.ratingLabels
    for label in run.ratingLabels where !labels.contains(label) { labels.append(label) }
    let (baselineRatings, runRatings) = (baseline.ratings, run.ratings)
    let rp = PSI.shares(labels.map { baselineRatings[$0] ?? 0 }, total: baseline.count)
    let rq = PSI.shares(labels.map { runRatings[$0] ?? 0 }, total: run.count)
    ratings = labels.indices.map { RatingShare(rating: labels[$0], baseline: rp[$0], run: rq[$0]) }
    ratingPSI = PSI.value(baseline: rp, run: rq)

    var factors: [FactorDrift] = []
    for (i, factor) in run.layout.factors.enumerated() {
      guard let j = baseline.layout.factors.firstIndex(where: { $0.name == factor.name }) else {
        continue
      }
      let width = max(run.bands[i].count, baseline.bands[j].count)
      func padded(_ counts: [Int]) -> [Int] {
        counts + Array(repeating: 0, count: width - counts.count)
      }
      let fp = PSI.shares(padded(baseline.bands[j]), total: baseline.count)
      let fq = PSI.shares(padded(run.bands[i]), total: run.count)
      factors.append(
        FactorDrift(name: factor.name, psi: PSI.value(baseline: fp, run: fq), baseline: fp, run: fq)
      )
    }
    self.factors = factors
    runID = run.run.id
    baselineID = baseline.run.id
    sameRules = run.run.rulesetSHA256 == baseline.run.rulesetSHA256
    runCount = run.count
    baselineCount = baseline.count
    status = Status(psi: max(scorePSI, ratingPSI))
    runScores = r
    baselineScores = b
  }
}
