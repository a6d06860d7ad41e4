/// A run's rejects grouped by the kind of message, with a few example lines each.
package struct RejectKinds: Sendable {
  /// One kind of message: its pattern, how many rejects had it, and the first examples.
  package struct Kind: Sendable, Equatable {
    package var pattern: String
    package var count: Int
    package var examples: [Example]
  }

  /// One rejected record as stored.
  package struct Example: Sendable, Equatable {
    package var line: Int
    package var merchantID: String?
    package var message: String
  }

  /// Examples kept per kind.
  package static let examplesPerKind = 3
  /// Kinds kept; further kinds are counted under one "other messages" kind.
  package static let kindLimit = 200

  /// By count descending, then pattern.
  package var kinds: [Kind] { ordered() }
  package private(set) var total = 0
  private var byPattern: [String: Int] = [:]
  private var list: [Kind] = []

  package init() {}

  /// Counts one reject.
  package mutating func add(line: Int, merchantID: String?, message: String) {
    total += 1
    var pattern = RejectKinds.pattern(of: message)
    if byPattern[pattern] == nil, list.count >= RejectKinds.kindLimit {
      pattern = "other messages"
    }
    let index: Int
    if let known = byPattern[pattern] {
      index = known
    } else {
      index = list.count
      byPattern[pattern] = index
      list.append(Kind(pattern: pattern, count: 0, examples: []))
    }
    list[index].count += 1
    if list[index].examples.count < RejectKinds.examplesPerKind {
      list[index].examples.append(Example(line: line, merchantID: merchantID, message: message))
    }
  }

  private func ordered() -> [Kind] {
    list.sorted { ($0.count, $1.pattern) > ($1.count, $0.pattern) }
  }

  /// The message with what varies from record to record taken out: digit runs become
  /// `N` and quoted values `"…"`, except a quoted field name after `field` (which says
  /// where the problem is): `field "employees": "abc" is not a number` →
  /// `field "employees": "…" is not a number`.
  package static func pattern(of message: String) -> String {
    var out = ""
    var chars = Array(message)
    var i = 0
    var lastWord = ""
    var word = ""
    while i < chars.count {
      let c = chars[i]
      if c == "\"" {
        var j = i + 1
        while j < chars.count, chars[j] != "\"" {
          if chars[j] == "\\" { j += 1 }
          j += 1
        }
        let end = min(j, chars.count - 1)
        if lastWord == "field" {
          out += String(chars[i...end])
        } else {
          out += "\"…\""
        }
        i = end + 1
        lastWord = ""
        continue
      }
      if c.isNumber {
        while i < chars.count, chars[i].isNumber { i += 1 }
        out += "N"
        word = ""
        continue
      }
      if c.isLetter || c == "_" {
        word.append(c)
      } else if !word.isEmpty {
        lastWord = word
        word = ""
      }
      if c != " " && !c.isLetter && c != "_" { lastWord = "" }
      out.append(c)
      i += 1
    }
    chars = []
    return out
  }
}
