/// Builds an HTML (and inline SVG) document by appending, escaping by construction.
///
/// Markup can only come from `StaticString`s — literals written in this source — so
/// text from a database (merchant ids, field values, reject messages, rule-set names)
/// can only enter through `text(_:)` or an attribute value, and both escape it. Why
/// not a template package: the mirrored ones render string templates whose escaping
/// depends on configuration and on each placeholder, and the report is mostly loops
/// over rows and SVG shapes; a typed writer of a hundred lines that cannot emit
/// unescaped data is smaller and safer.
package struct HTMLWriter: Sendable {
  /// The document so far.
  package private(set) var output = ""

  package init(capacity: Int = 1 << 16) { output.reserveCapacity(capacity) }

  /// An attribute: a literal name and a value that is escaped when written.
  package struct Attribute: Sendable {
    let name: StaticString
    let value: String

    package init(_ name: StaticString, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// Trusted markup written in the source (tags, CSS, fixed words).
  package mutating func raw(_ markup: StaticString) {
    output += markup.description
  }

  /// Text from anywhere, escaped.
  package mutating func text(_ value: String) {
    HTMLWriter.escape(value, into: &output)
  }

  /// `<tag attr="...">`.
  package mutating func open(_ tag: StaticString, _ attributes: [Attribute] = []) {
    output += "<"
    output += tag.description
    for attribute in attributes {
      output += " "
      output += attribute.name.description
      output += "=\""
      HTMLWriter.escape(attribute.value, into: &output)
      output += "\""
    }
    output += ">"
  }

  /// `</tag>`.
  package mutating func close(_ tag: StaticString) {
    output += "</"
    output += tag.description
    output += ">"
  }

  /// `<tag attr="...">text</tag>`.
  package mutating func element(
    _ tag: StaticString, _ attributes: [Attribute] = [], text value: String
  ) {
    open(tag, attributes)
    text(value)
    close(tag)
  }

  /// A self-closing SVG shape, `<tag attr="..."/>`.
  package mutating func empty(_ tag: StaticString, _ attributes: [Attribute]) {
    open(tag, attributes)
    output.removeLast()
    output += "/>"
  }

  /// Escapes the five characters that are markup in text and quoted attributes.
  package static func escape(_ value: String, into out: inout String) {
    var start = value.startIndex
    var index = start
    while index < value.endIndex {
      let replacement: String?
      switch value[index] {
      case "&": replacement = "&amp;"
      case "<": replacement = "&lt;"
      case ">": replacement = "&gt;"
      case "\"": replacement = "&quot;"
      case "'": replacement = "&#39;"
      default: replacement = nil
      }
      if let replacement {
        out += value[start..<index]
        out += replacement
        start = value.index(after: index)
      }
      index = value.index(after: index)
    }
    out += value[start..<value.endIndex]
  }

  /// `value` escaped, as a new string.
  package static func escaped(_ value: String) -> String {
    var out = ""
    escape(value, into: &out)
    return out
  }
}
