/// The shell every report page shares: doctype, character set, title, the style sheet.
enum ReportDocument {
  static func begin(_ html: inout HTMLWriter, title: String) {
    html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    html.element("title", text: title)
    html.raw("\n<style>\n")
    html.raw(ReportStyle.css)
    html.raw("\n</style>\n</head>\n<body>\n")
  }

  static func end(_ html: inout HTMLWriter, footer: String) {
    html.open("footer")
    html.text(footer)
    html.close("footer")
    html.raw("\n</body>\n</html>\n")
  }

  /// A `dl` of facts: name, value (monospaced when `mono`).
  static func facts(_ html: inout HTMLWriter, _ facts: [(name: String, value: String, mono: Bool)])
  {
    html.open("dl", [.init("class", "facts")])
    for fact in facts {
      html.element("dt", text: fact.name)
      if fact.mono {
        html.open("dd")
        html.element("code", text: fact.value)
        html.close("dd")
      } else {
        html.element("dd", text: fact.value)
      }
    }
    html.close("dl")
  }
}
