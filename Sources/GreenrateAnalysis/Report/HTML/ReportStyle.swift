/// The report's style sheet: system fonts, one accent colour, A4 print rules. Nothing
/// in it loads anything (no fonts, no images, no `url()`).
enum ReportStyle {
  static let css: StaticString = """
    :root { --accent: #0072B2; --ink: #222; --muted: #666; --rule: #ddd; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: var(--ink);
      background: #fff; line-height: 1.45;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "Noto Sans", "Liberation Sans", sans-serif; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; border-bottom: 3px solid var(--accent);
      padding-bottom: .3rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; color: var(--accent); }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
    p.lead { color: var(--muted); margin-top: 0; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
      margin: 1rem 0; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas,
      "Liberation Mono", monospace; font-size: .9em; }
    nav ol { columns: 2; padding-left: 1.2rem; }
    nav a { color: var(--accent); }
    figure.chart { margin: 1rem 0 1.5rem; padding: .6rem .8rem; border: 1px solid var(--rule);
      border-radius: 4px; }
    figcaption { font-weight: 600; margin-bottom: .4rem; }
    svg { display: block; width: 100%; height: auto; max-width: 680px; }
    svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
      fill: var(--ink); }
    svg .end { text-anchor: end; }
    svg .mid { text-anchor: middle; }
    svg .axis { stroke: var(--ink); stroke-width: 1; }
    svg .grid { stroke: #e6e6e6; stroke-width: 1; }
    svg .axis-title { font-weight: 600; }
    svg .baseline { fill: none; stroke: #D55E00; stroke-width: 2; stroke-dasharray: 6 3; }
    svg .cell-text { text-anchor: middle; }
    table { border-collapse: collapse; margin: .6rem 0; font-size: .85rem; }
    th, td { padding: .2rem .6rem; border-bottom: 1px solid var(--rule); text-align: left;
      vertical-align: top; }
    th { background: #f4f6f8; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.msg { overflow-wrap: anywhere; max-width: 32rem; }
    .empty, .note { color: var(--muted); font-style: italic; }
    .status-stable { color: #009E73; font-weight: 600; }
    .status-moderate { color: #E69F00; font-weight: 600; }
    .status-significant { color: #D55E00; font-weight: 600; }
    footer { margin-top: 2rem; color: var(--muted); font-size: .8rem;
      border-top: 1px solid var(--rule); padding-top: .5rem; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      nav { display: none; }
      h2 { break-after: avoid; page-break-after: avoid; }
      section { break-before: auto; }
      figure.chart, table, dl.facts { break-inside: avoid; page-break-inside: avoid; }
      figure.chart { border: none; padding: 0; }
      svg { max-width: 100%; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
