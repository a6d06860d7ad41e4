/// Renders `compare --report`: a `ComparisonResult` as one self-contained HTML page.
package struct ComparisonReportPage {
  package var result: ComparisonResult

  package init(result: ComparisonResult) {
    self.result = result
  }

  private static func describe(_ side: ComparisonResult.RuleSet) -> String {
    "\(side.name) \(side.version)" + (side.runID.map { " (run \($0))" } ?? "")
  }

  /// The whole document.
  package func html() -> String {
    let r = result
    var html = HTMLWriter()
    let champion = ComparisonReportPage.describe(r.champion)
    let challenger = ComparisonReportPage.describe(r.challenger)
    ReportDocument.begin(&html, title: "greenrate compare: \(champion) against \(challenger)")
    html.open("header")
    html.element("h1", text: "Champion \(champion) against challenger \(challenger)")
    html.element(
      "p", [.init("class", "lead")],
      text: "\(NumberText.count(r.compared)) merchants rated by both, as of \(r.asOf).")
    ReportDocument.facts(
      &html,
      [
        ("champion", champion, false), ("champion fingerprint", r.champion.sha256, true),
        ("challenger", challenger, false), ("challenger fingerprint", r.challenger.sha256, true),
        ("as of", r.asOf, false), ("compared", NumberText.count(r.compared), false),
        ("rejected by the champion", NumberText.count(r.rejectedByChampion), false),
        ("rejected by the challenger", NumberText.count(r.rejectedByChallenger), false),
      ])
    for note in r.notes { html.element("p", [.init("class", "note")], text: note) }
    html.close("header")

    html.open("section", [.init("id", "migration")])
    html.element("h2", text: "Rating migration")
    let counts = r.champion.ratingLabels.map { from in
      r.challenger.ratingLabels.map { to in r.count(from: from, to: to) }
    }
    HeatMapChart(
      title:
        "Migration matrix: merchants by champion rating (rows) and challenger rating (columns)",
      rowAxis: "champion rating", columnAxis: "challenger rating", rows: r.champion.ratingLabels,
      columns: r.challenger.ratingLabels, counts: counts
    ).write(to: &html)
    html.close("section")

    html.open("section", [.init("id", "eligibility")])
    html.element("h2", text: "Eligibility swaps")
    let e = r.eligibility
    BarChart(
      title: "Eligibility under both rule sets", categoryAxis: "eligibility",
      valueAxis: "merchants",
      bars: [
        .init(label: "eligible under both", count: e.both, colour: "#009E73"),
        .init(label: "eligible under neither", count: e.neither, colour: "#999999"),
        .init(label: "swap in (challenger only)", count: e.swapIn, colour: ChartStyle.accent),
        .init(label: "swap out (champion only)", count: e.swapOut, colour: "#D55E00"),
      ], total: r.compared
    ).write(to: &html, kind: "eligibility-swaps")
    BarChart(
      title: "Swap-out merchants: the challenger's denial and knockout codes",
      categoryAxis: "code", valueAxis: "merchants",
      bars: r.swapOutCodes.map { .init(label: $0.code, count: $0.count, colour: "#D55E00") },
      total: e.swapOut
    ).write(to: &html, kind: "swap-out-codes")
    BarChart(
      title: "Swap-in merchants: the champion's denial and knockout codes",
      categoryAxis: "code", valueAxis: "merchants",
      bars: r.swapInCodes.map { .init(label: $0.code, count: $0.count) }, total: e.swapIn
    ).write(to: &html, kind: "swap-in-codes")
    html.close("section")

    html.open("section", [.init("id", "delta")])
    html.element("h2", text: "Score delta")
    let d = r.scoreDelta
    html.element(
      "p",
      text: "\(NumberText.count(d.changed)) of \(NumberText.count(r.compared)) merchants "
        + "(\(NumberText.percent(d.changed, of: r.compared))) change score.")
    let deltas = Array(zip(r.deltas.values, r.deltas.counts)).map { ($0.0, $0.1) }
    HistogramChart(
      title: "Score delta histogram (challenger − champion)",
      bins: ScoreBins(run: deltas, baseline: []), runName: "compared merchants",
      baselineName: nil, kind: "delta-histogram", xAxis: "score delta (challenger − champion)",
      yAxis: "share of compared merchants (%)"
    ).write(to: &html)
    html.open("table", [.init("class", "delta-summary")])
    html.raw(
      "<thead><tr><th scope=\"col\">statistic</th><th scope=\"col\" class=\"num\">score delta</th></tr></thead><tbody>"
    )
    for (name, value) in [
      ("mean", d.mean), ("min", d.min), ("5th percentile", d.p5), ("median", d.p50),
      ("95th percentile", d.p95), ("max", d.max),
    ] {
      html.open("tr")
      html.element("td", text: name)
      html.element("td", [.init("class", "num")], text: NumberText.plain(value))
      html.close("tr")
    }
    html.raw("</tbody>")
    html.close("table")
    html.close("section")

    html.open("section", [.init("id", "factors")])
    html.element("h2", text: "Factor shifts")
    PairedBarChart(
      title: "Mean points per factor over the compared merchants", categoryAxis: "factor",
      valueAxis: "mean points", firstName: "champion \(champion)",
      secondName: "challenger \(challenger)",
      pairs: r.factors.map {
        .init(label: $0.name, first: $0.championMean, second: $0.challengerMean)
      }, kind: "factor-shifts"
    ).write(to: &html)
    html.close("section")
    ReportDocument.end(
      &html,
      footer: "greenrate compare report: every figure is counted from the compared merchants.")
    return html.output
  }
}
