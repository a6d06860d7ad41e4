/// The drift figures the report shows beside the score histogram (computed by `drift`).
public struct DriftFigures: Sendable {
  public var baselineRun: Int64
  public var sameRules: Bool
  public var scorePSI: Double
  public var ratingPSI: Double
  /// `stable`, `moderate` or `significant`.
  public var status: String
  public var factors: [(name: String, psi: Double)]

  public init(
    baselineRun: Int64, sameRules: Bool, scorePSI: Double, ratingPSI: Double, status: String,
    factors: [(name: String, psi: Double)]
  ) {
    self.baselineRun = baselineRun
    self.sameRules = sameRules
    self.scorePSI = scorePSI
    self.ratingPSI = ratingPSI
    self.status = status
    self.factors = factors
  }

  func write(to html: inout HTMLWriter) {
    html.element("h3", text: "Drift against baseline run \(baselineRun)")
    html.open("p")
    html.text(
      "Population stability index (PSI): score \(NumberText.fixed(scorePSI, places: 3)), rating \(NumberText.fixed(ratingPSI, places: 3)) — "
    )
    html.element("span", [.init("class", "status-" + status)], text: status)
    html.text(
      sameRules
        ? ". Same rule file as the baseline."
        : ". The baseline was rated by a different rule file, so part of any shift comes from the rules."
    )
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
    html.element(
      "p", [.init("class", "note")],
      text: "PSI below 0.1 is stable, below 0.25 moderate, otherwise significant.")
  }
}
