extension DriftResult {
  /// The drift figures beside the report's score histogram: PSI of score, rating and
  /// each factor, the status, and the baseline deciles with both runs' shares.
  func write(to html: inout HTMLWriter) {
    html.element("h3", text: "Drift against baseline run \(baselineID)")
    html.open("p")
    html.text(
      "Population stability index (PSI): score \(NumberText.fixed(scorePSI, places: 3)), "
        + "rating \(NumberText.fixed(ratingPSI, places: 3)) — ")
    html.element("span", [.init("class", "status-" + status.rawValue)], text: status.rawValue)
    html.text(
      sameRules
        ? ". Same rule file as the baseline."
        : ". The baseline was rated by another rule file: part of any shift comes from the rules.")
    html.close("p")
    html.open("table", [.init("class", "drift")])
    html.raw(
      "<thead><tr><th scope=\"col\">measure</th><th scope=\"col\" class=\"num\">PSI</th></tr></thead><tbody>"
    )
    func row(_ name: String, _ psi: Double) {
      html.open("tr")
      html.element("td", text: name)
      html.element("td", [.init("class", "num")], text: NumberText.fixed(psi, places: 4))
      html.close("tr")
    }
    row("score (baseline deciles)", scorePSI)
    row("rating", ratingPSI)
    for factor in factors { row("factor \(factor.name)", factor.psi) }
    html.raw("</tbody>")
    html.close("table")
    html.open("table", [.init("class", "drift-bins")])
    html.raw(
      "<thead><tr><th scope=\"col\">baseline decile bin</th><th scope=\"col\" class=\"num\">baseline share</th><th scope=\"col\" class=\"num\">run share</th></tr></thead><tbody>"
    )
    var lower: Double?
    for bin in bins {
      html.open("tr")
      let range: String
      switch (lower, bin.upper) {
      case (nil, let upper?): range = "≤ \(NumberText.plain(upper))"
      case (let low?, let upper?):
        range = "> \(NumberText.plain(low)) and ≤ \(NumberText.plain(upper))"
      case (let low?, nil): range = "> \(NumberText.plain(low))"
      case (nil, nil): range = "all"
      }
      html.element("td", text: range)
      html.element(
        "td", [.init("class", "num")], text: NumberText.fixed(100 * bin.baseline, places: 1) + "%")
      html.element(
        "td", [.init("class", "num")], text: NumberText.fixed(100 * bin.run, places: 1) + "%")
      html.close("tr")
      lower = bin.upper ?? lower
    }
    html.raw("</tbody>")
    html.close("table")
    html.element(
      "p", [.init("class", "note")],
      text:
        "PSI below 0.1 is stable, below 0.25 moderate, otherwise significant (from the larger of score and rating PSI)."
    )
  }
}
