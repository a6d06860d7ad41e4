import GreenrateEngine
import GreenrateLanguage

extension Explanation {
  /// The account for a person: the verdict, the run and rule set it came from, each
  /// factor's points out of its best with the band that matched, the codes, outputs
  /// and the input values the rules saw.
  var text: String {
    let r = rating
    let run = r.run
    var out = ""

    var summary = TextTable([.init("field"), .init("value")], showsTitles: false)
    summary.append(["Merchant", r.merchantID])
    summary.append([
      "Rating",
      "\(r.rating) (score \(Explanation.number(r.score)) of \(Explanation.number(bestScore)))",
    ])
    summary.append(["Eligible", r.eligible ? "yes" : "no"])
    var runText = "\(run.id) (\(run.kind.rawValue), \(run.status.rawValue)), as of \(run.asOf)"
    runText += ", started \(run.startedAt)"
    summary.append(["Run", runText])
    summary.append([
      "Rule set",
      "\"\(run.ruleset)\" version \"\(run.rulesetVersion)\""
        + (run.rulesPath.isEmpty ? "" : " from \(run.rulesPath)"),
    ])
    summary.append(["Fingerprint", "sha256 \(run.rulesetSHA256)"])
    switch run.kind {
    case .batch: summary.append(["Record", "line \(r.line) of \(run.input ?? "the input")"])
    case .rescore:
      summary.append(["Record", "the stored record, rescored (first read on input line \(r.line))"])
    }
    out += summary.rendered()

    out += "\nFactors (points out of the factor's best)\n"
    var factors = TextTable([
      .init("factor"), .init("points", .right), .init("reason"), .init("band that matched"),
    ])
    for factor in r.factors {
      let label = factor.title.map { "\($0) (\(factor.name))" } ?? factor.name
      factors.append([
        label,
        "\(Explanation.number(factor.points)) / \(Explanation.number(factor.best))",
        factor.matchedBand?.reason ?? "-", band(factor),
      ])
    }
    out += factors.rendered(indent: "  ")

    out += "\n"
    var codes = TextTable([.init("kind"), .init("codes")], showsTitles: false)
    codes.append([
      "Reasons",
      Explanation.codes(r.reasons) + (r.reasons.count > 1 ? " (largest shortfall first)" : ""),
    ])
    codes.append(["Knockouts", Explanation.codes(r.knockouts)])
    codes.append(["Denials", Explanation.codes(r.denials)])
    out += codes.rendered()

    out += "\nOutputs\n"
    if r.outputs.isEmpty {
      out += "  none\n"
    } else {
      var outputs = TextTable([.init("name"), .init("value")], showsTitles: false)
      for member in r.outputs { outputs.append([member.name, Explanation.shown(member.value)]) }
      out += outputs.rendered(indent: "  ")
    }

    out += "\nInputs (the values run \(run.id) scored)\n"
    var inputs = TextTable([.init("name"), .init("type"), .init("value")], showsTitles: false)
    for (field, value) in r.inputs {
      inputs.append([field.name, field.type.description, Explanation.shown(value)])
    }
    out += inputs.rendered(indent: "  ")
    if run.kind == .rescore {
      out += "\nRescore (run \(run.id))"
      if let reason = run.reason { out += ": \(reason)" }
      out += "\n"
      if changes.isEmpty { out += "  no field changed\n" }
      var table = TextTable(
        [.init("field"), .init("from"), .init("to"), .init("how")], showsTitles: false)
      for c in changes {
        table.append([c.field, c.old ?? "(missing)", c.new ?? "(missing)", c.source.rawValue])
      }
      if !changes.isEmpty { out += table.rendered(indent: "  ") }
    }
    if !overrides.isEmpty {
      out += "\nOverrides (kept until cleared; applied again over every newer record)\n"
      var table = TextTable(
        [.init("field"), .init("value"), .init("reason"), .init("set")], showsTitles: false)
      for o in overrides {
        table.append([
          o.field, o.value.isEmpty ? "(missing)" : o.value, o.reason.isEmpty ? "-" : o.reason,
          "run \(o.runID), \(o.setAt)",
        ])
      }
      out += table.rendered(indent: "  ")
    }
    return out
  }

  /// Which band matched: its condition when the rule file is unchanged, else its
  /// position; always with the rule file's line.
  private func band(_ factor: StoredRating.Factor) -> String {
    guard let band = factor.matchedBand else { return "band \(factor.band + 1)" }
    let line = "line \(band.location.line)"
    if let condition = condition(factor) { return "\(condition) (\(line))" }
    let position = band.isElse ? "else" : "band \(factor.band + 1) of \(factor.bands.count)"
    return "\(position) (\(line))"
  }
}
