import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// Renders a `RunReport` as one self-contained HTML page.
package struct RunReportPage {
  package var report: RunReport

  package init(report: RunReport) {
    self.report = report
  }

  /// The whole document.
  package func html() -> String {
    var html = HTMLWriter()
    let run = report.run
    ReportDocument.begin(
      &html, title: "greenrate run \(run.id): \(run.ruleset) \(run.rulesetVersion)")
    writeHeader(&html)
    writeContents(&html)
    writeRatings(&html)
    writeScores(&html)
    writeEligibility(&html)
    writeReasons(&html)
    writeFactors(&html)
    writeBreakdowns(&html)
    writeRejects(&html)
    ReportDocument.end(
      &html,
      footer:
        "greenrate report of run \(run.id): every figure is counted from the run's stored ratings.")
    return html.output
  }

  private var labels: [String] { report.aggregates.ratings.map(\.label) }

  private func writeHeader(_ html: inout HTMLWriter) {
    let run = report.run
    html.open("header")
    html.element("h1", text: "Run \(run.id): \(run.ruleset) \(run.rulesetVersion)")
    html.element(
      "p", [.init("class", "lead")],
      text:
        "Green ratings as of \(run.asOf) — \(NumberText.count(run.recordsScored)) merchants scored."
    )
    html.open("dl", [.init("class", "facts")])
    func fact(_ name: String, _ value: String, mono: Bool = false) {
      html.element("dt", text: name)
      if mono {
        html.open("dd")
        html.element("code", text: value)
        html.close("dd")
      } else {
        html.element("dd", text: value)
      }
    }
    fact("rule set", run.ruleset)
    fact("version", run.rulesetVersion)
    fact("fingerprint (SHA-256)", run.rulesetSHA256, mono: true)
    fact("as of", run.asOf)
    fact("input", (run.input ?? "-") + (run.inputFormat.map { " (\($0))" } ?? ""))
    fact("kind, status", "\(run.kind.rawValue), \(run.status.rawValue)")
    fact("started", run.startedAt)
    fact("finished", run.finishedAt ?? "-")
    fact("duration", RunReportPage.duration(run))
    fact("records read", NumberText.count(run.recordsRead))
    fact("scored", NumberText.count(run.recordsScored))
    fact("rejected", NumberText.count(run.recordsRejected))
    fact(
      "eligible",
      "\(NumberText.count(run.recordsEligible)) (\(NumberText.percent(run.recordsEligible, of: run.recordsScored)) of scored)"
    )
    if let failure = run.failure { fact("failure", failure) }
    if let baseline = report.baseline {
      fact(
        "baseline",
        "run \(baseline.id): \(baseline.ruleset) \(baseline.rulesetVersion), as of \(baseline.asOf), \(NumberText.count(baseline.recordsScored)) scored"
      )
    } else {
      fact("baseline", "none (no earlier completed batch run)")
    }
    html.close("dl")
    html.close("header")
  }

  private func writeContents(_ html: inout HTMLWriter) {
    html.open("nav", [.init("aria-label", "contents")])
    html.open("ol")
    let sections: [(String, String)] = [
      ("ratings", "Ratings"), ("scores", "Scores and drift"), ("eligibility", "Eligibility"),
      ("reasons", "Reason codes"), ("factors", "Factors"), ("breakdowns", "Breakdowns"),
      ("rejects", "Rejects"),
    ]
    for (id, name) in sections {
      html.open("li")
      html.element("a", [.init("href", "#" + id)], text: name)
      html.close("li")
    }
    html.close("ol")
    html.close("nav")
  }

  private func writeRatings(_ html: inout HTMLWriter) {
    let a = report.aggregates
    html.open("section", [.init("id", "ratings")])
    html.element("h2", text: "Ratings")
    BarChart(
      title: "Rating distribution", categoryAxis: "rating", valueAxis: "merchants",
      bars: a.ratings.enumerated().map {
        .init(
          label: $0.element.label, count: $0.element.count,
          colour: ChartStyle.ratingColour($0.offset))
      }, total: a.scored
    ).write(to: &html, kind: "ratings")
    html.close("section")
  }

  private func writeScores(_ html: inout HTMLWriter) {
    let a = report.aggregates
    html.open("section", [.init("id", "scores")])
    html.element("h2", text: "Scores and drift")
    let bins = ScoreBins(run: a.scores, baseline: report.baselineScores)
    HistogramChart(
      title: report.baseline == nil ? "Score histogram" : "Score histogram against the baseline",
      bins: bins, runName: "run \(report.run.id)",
      baselineName: report.baseline.map { "baseline run \($0.id)" }
    ).write(to: &html)
    if let drift = report.drift {
      drift.write(to: &html)
    } else if let note = report.driftNote {
      html.element("p", [.init("class", "note")], text: note)
    }
    html.close("section")
  }

  private func writeEligibility(_ html: inout HTMLWriter) {
    let a = report.aggregates
    html.open("section", [.init("id", "eligibility")])
    html.element("h2", text: "Eligibility")
    html.element(
      "p",
      text:
        "\(NumberText.count(a.eligible)) of \(NumberText.count(a.scored)) scored merchants are eligible (\(NumberText.percent(a.eligible, of: a.scored)))."
    )
    BarChart(
      title: "Eligibility share", categoryAxis: "eligibility", valueAxis: "merchants",
      bars: [
        .init(label: "eligible", count: a.eligible, colour: "#009E73"),
        .init(label: "not eligible", count: a.scored - a.eligible, colour: "#D55E00"),
      ], total: a.scored
    ).write(to: &html, kind: "eligibility")
    codeChart("Denial codes by count", a.denials, kind: "denials", &html)
    codeChart("Knockout codes by count", a.knockouts, kind: "knockouts", &html)
    html.close("section")
  }

  private func writeReasons(_ html: inout HTMLWriter) {
    html.open("section", [.init("id", "reasons")])
    html.element("h2", text: "Reason codes")
    codeChart("Reason codes by count", report.aggregates.reasons, kind: "reasons", &html)
    html.close("section")
  }

  private func codeChart(
    _ title: String, _ codes: [RunAggregates.CodeCount], kind: String, _ html: inout HTMLWriter
  ) {
    BarChart(
      title: title, categoryAxis: "code", valueAxis: "merchants",
      bars: codes.map { .init(label: $0.code, count: $0.count) }, total: report.aggregates.scored
    ).write(to: &html, kind: kind)
  }

  private func writeFactors(_ html: inout HTMLWriter) {
    html.open("section", [.init("id", "factors")])
    html.element("h2", text: "Factors")
    html.element(
      "p", [.init("class", "note")],
      text: "Each factor's bands in the rule file's order, with how many merchants matched each.")
    for factor in report.aggregates.factors {
      let name = factor.title.map { "\($0) (\(factor.name))" } ?? factor.name
      BarChart(
        title: "Factor \(name): merchants per band", categoryAxis: "band", valueAxis: "merchants",
        bars: zip(factor.bands, factor.counts).enumerated().map { i, pair in
          .init(label: RunReportPage.bandLabel(pair.0, number: i + 1), count: pair.1)
        }, total: report.aggregates.scored
      ).write(to: &html, kind: "factor")
    }
    html.close("section")
  }

  /// `2. 0 pts, TWO_HIGH_INDUSTRY (line 72)`; `else` for the last band.
  static func bandLabel(_ band: StoredRating.Band, number: Int) -> String {
    var label = band.isElse ? "else" : "band \(number)"
    label += ": \(NumberText.plain(band.points)) pts"
    if let reason = band.reason { label += ", \(reason)" }
    return label + " (line \(band.location.line))"
  }

  private func writeBreakdowns(_ html: inout HTMLWriter) {
    html.open("section", [.init("id", "breakdowns")])
    html.element("h2", text: "Breakdowns")
    if report.aggregates.breakdowns.isEmpty {
      html.element(
        "p", [.init("class", "note")],
        text: "No breakdown asked for (greenrate report --by FIELD, e.g. --by province).")
    }
    for breakdown in report.aggregates.breakdowns {
      html.element("h3", text: "By \(breakdown.field)")
      if breakdown.tooManyValues {
        html.element(
          "p", [.init("class", "note")],
          text:
            "\(breakdown.field) has more than \(NumberText.count(RunAggregates.distinctLimit)) distinct values; it is not broken down."
        )
        continue
      }
      var groups = breakdown.groups
      if var other = breakdown.other {
        other.value =
          "other (\(NumberText.count(breakdown.distinctValues - breakdown.groups.count)) values)"
        groups.append(other)
      }
      StackedBarChart(
        title:
          "Rating mix and eligible share by \(breakdown.field) (\(NumberText.count(breakdown.distinctValues)) values; the \(RunAggregates.groupLimit) largest shown, the rest as other)",
        field: breakdown.field, labels: labels, groups: groups
      ).write(to: &html)
    }
    html.close("section")
  }

  private func writeRejects(_ html: inout HTMLWriter) {
    let rejects = report.rejects
    html.open("section", [.init("id", "rejects")])
    html.element("h2", text: "Rejects")
    html.element(
      "p",
      text:
        "\(NumberText.count(rejects.total)) records rejected, by kind of message (numbers shown as N, quoted values as \"…\")."
    )
    let kinds = rejects.kinds
    BarChart(
      title: "Rejects by kind of message", categoryAxis: "message", valueAxis: "records",
      bars: kinds.map { .init(label: $0.pattern, count: $0.count, colour: "#D55E00") },
      total: rejects.total
    ).write(to: &html, kind: "rejects")
    if !kinds.isEmpty {
      html.element("h3", text: "Example lines")
      html.open("table", [.init("class", "examples")])
      html.raw(
        "<thead><tr><th scope=\"col\">kind</th><th scope=\"col\" class=\"num\">line</th><th scope=\"col\">merchant</th><th scope=\"col\">message</th></tr></thead><tbody>"
      )
      for kind in kinds {
        for example in kind.examples {
          html.open("tr")
          html.element("td", [.init("class", "msg")], text: kind.pattern)
          html.element("td", [.init("class", "num")], text: String(example.line))
          html.element("td", [.init("class", "mono")], text: example.merchantID ?? "-")
          html.element("td", [.init("class", "msg")], text: example.message)
          html.close("tr")
        }
      }
      html.raw("</tbody>")
      html.close("table")
    }
    html.close("section")
  }

  /// `1m 05s` from start to finish; `-` while unfinished.
  static func duration(_ run: RunInfo) -> String {
    func seconds(_ time: String) -> Int? {
      let b = Array(time.utf8)
      guard b.count == 20, let day = Day.parse(b[0..<10]) else { return nil }
      func two(_ at: Int) -> Int { (Int(b[at]) - 48) * 10 + Int(b[at + 1]) - 48 }
      return day * 86_400 + two(11) * 3600 + two(14) * 60 + two(17)
    }
    guard let end = run.finishedAt.flatMap(seconds), let start = seconds(run.startedAt) else {
      return "-"
    }
    let s = max(0, end - start)
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m \(s % 60 < 10 ? "0" : "")\(s % 60)s" }
    return "\(s / 3600)h \(s % 3600 / 60 < 10 ? "0" : "")\(s % 3600 / 60)m"
  }
}
