import Foundation
import Testing

/// `greenrate report` as a process, its page opened in headless Chromium.
@Suite(.serialized) struct ReportCommandTests {
  /// Where the rendered page and its screenshot stay for a person to look at (under
  /// `.build`, never committed).
  static let outputFolder = CLIProcess.packageRoot.appendingPathComponent(
    ".build/test-output/report")

  static let hostileID = "<script>alert(1)</script>"

  @Test func rendersAGeneratedRunInHeadlessChromium() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let baselineInput = try ws.generate(count: 400, seed: 11, name: "baseline.csv")
    try ws.batch(rules: rules, input: baselineInput, asOf: "2026-10-01")
    let input = try ws.generate(count: 600, seed: 12)
    try ws.append(
      to: input,
      records: [
        [
          "merchant_id": ReportCommandTests.hostileID,
          "pollution_permit": "<img src=//evil.example/x>",
        ],
        ["merchant_id": "BAD<b>1</b>", "employees": "<i>many</i>"],
      ])
    try ws.batch(rules: rules, input: input)

    try FileManager.default.createDirectory(
      at: ReportCommandTests.outputFolder, withIntermediateDirectories: true)
    let page = ReportCommandTests.outputFolder.appendingPathComponent("report.html")
    let outcome = try CLIProcess.run([
      "report", "--db", ws.database, "--by", "province", "--by", "pollution_permit",
      "--output", page.path,
    ])
    try #require(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout.hasPrefix("report: \(page.path) (run 2,"))
    let html = try String(contentsOf: page, encoding: .utf8)

    // No network reference anywhere a browser would fetch from: the `src` and `href`
    // of every tag (text is escaped, so every `<` left in the file opens a real tag),
    // and no `url()` at all.
    let tags = try Regex(#"<[a-zA-Z][^>]*>"#)
    let reference = try Regex(#"\s(?:src|href|xlink:href)\s*=\s*["']?([^"' >]*)"#)
    var references = 0
    for tag in html.matches(of: tags) {
      for match in html[tag.range].matches(of: reference) {
        references += 1
        let target = String(html[tag.range][match.range]).lowercased()
        #expect(
          !target.contains("http:") && !target.contains("https:") && !target.contains("//"),
          "\(target)")
      }
    }
    #expect(references >= 7)  // the contents' links to the sections
    #expect(!html.contains("url("))
    #expect(!html.lowercased().contains("@import"))

    let profile = ws.folder.appendingPathComponent("chromium-profile")
    let dom = try HeadlessChromium.run(["--dump-dom"], page: page, profile: profile)
    // The charts, each a figure with a caption, an SVG with axis titles and a table.
    let kinds = try Regex(#"<figure class="chart" data-chart="([a-z-]+)">"#)
    let charts = dom.matches(of: kinds).map { String(dom[$0.range]) }
    for kind in [
      "ratings", "score-histogram", "eligibility", "denials", "knockouts", "reasons", "factor",
      "breakdown", "rejects",
    ] {
      #expect(charts.contains { $0.contains("data-chart=\"\(kind)\"") }, "no \(kind) chart")
    }
    #expect(charts.filter { $0.contains("\"factor\"") }.count == 6)
    #expect(charts.filter { $0.contains("\"breakdown\"") }.count == 2)
    let figures = dom.components(separatedBy: "<figure ").dropFirst()
    #expect(figures.count == charts.count)
    for figure in figures {
      #expect(figure.contains("<figcaption>"))
      #expect(figure.contains("<table>"))
      if figure.contains("<svg") { #expect(figure.contains("class=\"axis-title mid\"")) }
    }
    #expect(dom.contains("Score histogram against the baseline"))
    #expect(dom.contains("baseline run 1"))
    #expect(dom.contains("Drift against baseline run 1"))
    #expect(dom.contains("Population stability index (PSI): score "))
    // Hostile data stays text: escaped in the DOM, no element made of it.
    #expect(!dom.contains("<script"))
    #expect(!dom.contains("<img"))
    #expect(dom.contains("&lt;img src=//evil.example/x&gt;"))
    #expect(dom.contains("&lt;i&gt;many&lt;/i&gt;"))
    #expect(dom.contains("BAD&lt;b&gt;1&lt;/b&gt;"))

    let screenshot = ReportCommandTests.outputFolder.appendingPathComponent("report.png")
    try? FileManager.default.removeItem(at: screenshot)
    _ = try HeadlessChromium.run(
      ["--screenshot=\(screenshot.path)", "--window-size=900,2400"], page: page, profile: profile)
    let colours = try HeadlessChromium.colours(png: screenshot, rows: 1100)
    // Not blank: text and bars in many colours, among them the page's white, the accent
    // blue and the third rating's Okabe–Ito green.
    #expect(colours.count > 20, "\(colours.count) colours")
    for colour in ["ffffff", "0072b2", "009e73"] {
      #expect(colours.contains(colour), "no \(colour) among \(colours.count) colours")
    }
  }

  @Test func printsOnA4() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: 200, seed: 5)
    try ws.batch(rules: rules, input: input)
    let page = URL(fileURLWithPath: ws.path("report.html"))
    let outcome = try CLIProcess.run(["report", "--db", ws.database, "--output", page.path])
    try #require(outcome.status == 0, "\(outcome)")
    let pdf = URL(fileURLWithPath: ws.path("report.pdf"))
    _ = try HeadlessChromium.run(
      ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page: page,
      profile: ws.folder.appendingPathComponent("chromium-profile"))
    let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
    // Every page is A4 (595 × 842 points), as the page's @page rule asks.
    let boxes = try Regex(#"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]"#)
    let sizes = text.matches(of: boxes).map { String(text[$0.range]) }
    #expect(sizes.count >= 2, "\(sizes.count) pages")
    for size in sizes {
      #expect(size.contains(" 594.9") && size.contains(" 841.9"), "\(size)")
    }
  }

  @Test func compareWritesTheComparisonAsAReport() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: 500, seed: 21)
    try ws.batch(rules: rules, input: input)
    // The challenger lowers the bar for "green": some light_green merchants move up.
    let challenger = try ws.copyShippedRules(as: "challenger.rules")
    let text = try String(contentsOfFile: challenger, encoding: .utf8)
    let changed = text.replacingOccurrences(
      of: "when score >= 65 and not two_high => \"green\"",
      with: "when score >= 55 and not two_high => \"green\"")
    try #require(changed != text)
    try changed.write(toFile: challenger, atomically: true, encoding: .utf8)

    let page = ReportCommandTests.outputFolder.appendingPathComponent("compare.html")
    try FileManager.default.createDirectory(
      at: ReportCommandTests.outputFolder, withIntermediateDirectories: true)
    let outcome = try CLIProcess.run([
      "compare", challenger, "--db", ws.database, "--json", "--report", page.path,
    ])
    try #require(outcome.status == 0, "\(outcome)")
    let json = try jsonObject(outcome.stdout)
    let migration = try #require(json["migration"] as? [[String: Any]])
    let moved = try #require(
      migration.first { $0["from"] as? String == "light_green" && $0["to"] as? String == "green" })
    let movedCount = try #require(moved["count"] as? Int)
    #expect(movedCount > 0)

    let profile = ws.folder.appendingPathComponent("chromium-profile")
    let dom = try HeadlessChromium.run(["--dump-dom"], page: page, profile: profile)
    for kind in [
      "migration", "eligibility-swaps", "swap-out-codes", "swap-in-codes", "delta-histogram",
      "factor-shifts",
    ] {
      #expect(dom.contains("data-chart=\"\(kind)\""), "no \(kind) chart")
    }
    // The heat map writes each count in its cell, and the table has the same number.
    #expect(dom.contains("class=\"cell-text\""))
    #expect(dom.contains(">\(ReportCommandTests.grouped(movedCount))</text>"))
    #expect(dom.contains(">\(ReportCommandTests.grouped(movedCount))</td>"))
    #expect(!dom.contains("<script"))
  }

  /// `1234` as the report writes it, `1,234`.
  static func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(d)
    }
    return out
  }

  @Test func theHostileMerchantIDStaysTextInTheRatedRows() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: 5, seed: 3)
    try ws.append(
      to: input, records: [["merchant_id": ReportCommandTests.hostileID, "employees": "x"]])
    try ws.batch(rules: rules, input: input)
    let outcome = try CLIProcess.run(["report", "--db", ws.database, "--output", "-"])
    try #require(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!outcome.stdout.contains("<script"))
  }

  @Test func exitCodes() throws {
    let ws = try RescoreWorkspace()
    let rules = try ws.copyShippedRules()
    let input = try ws.generate(count: 5, seed: 3)
    try ws.batch(rules: rules, input: input)
    let out = ws.path("r.html")
    #expect(
      try CLIProcess.run(["report", "--db", ws.database, "--run", "7", "--output", out]).status == 1
    )
    #expect(
      try CLIProcess.run(["report", "--db", ws.database, "--baseline", "7", "--output", out]).status
        == 1)
    #expect(
      try CLIProcess.run(["report", "--db", ws.database, "--by", "nope", "--output", out]).status
        == 64)
    #expect(try CLIProcess.run(["report", "--db", ws.database, "--run", "0"]).status == 64)
    #expect(try CLIProcess.run(["report", "--db", ws.path("missing.sqlite")]).status == 1)
    #expect(!FileManager.default.fileExists(atPath: out))
    // The default file name, in the working folder.
    let made = try CLIProcess.run(["report", "--db", ws.database], in: ws.folder)
    #expect(made.status == 0, "\(made)")
    #expect(FileManager.default.fileExists(atPath: ws.path("greenrate-run-1.html")))
  }
}
