import Foundation
import GreenrateEngine
import GreenrateLanguage
import GreenrateReaders

/// The body of `POST /v1/merchants/{id}/rescore`: `{"set": {"FIELD": VALUE, ...},
/// "as_of": "YYYY-MM-DD"}`, both optional.
///
/// Each `set` value is checked against the input's type as a JSON Lines record's value
/// is (a number for a number, a string for a text or a date, true/false, an array of
/// strings for a set, null for missing), then handed to the same `Rescorer` as
/// `greenrate rescore --set`, so decoding and every later check are the command's.
struct RescoreRequest {
  var overrides: [FieldOverride] = []
  var asOf: Int?

  init(_ body: [UInt8], layout: RecordLayout) throws(APIError) {
    if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return }
    let json = try JSONDocument(body)
    guard json.kind(json.root) == .object else {
      throw APIError(.badRequest, "the body must be a JSON object {\"set\": {...}, \"as_of\": ...}")
    }
    for (name, value) in json.members(json.root) {
      switch name {
      case "set":
        guard json.kind(value) == .object else {
          throw APIError(.badRequest, "set must be an object of input names and values")
        }
        for (field, v) in json.members(value) {
          let type = layout.field(named: field).map { layout.fields[$0].type }
          overrides.append(
            FieldOverride(field: field, value: try RescoreRequest.cell(json, v, field, type)))
        }
      case "as_of":
        asOf = try RescoreRequest.day(json, value)
      default:
        throw APIError(
          .badRequest, "unknown member `\(ServerResponder.shown(name))` (expected set, as_of)")
      }
    }
  }

  /// `as_of` as a day number.
  static func day(_ json: JSONDocument, _ value: Range<Int>) throws(APIError) -> Int? {
    if json.kind(value) == .null { return nil }
    guard json.kind(value) == .string, let day = Day.parse(json.string(value)) else {
      throw APIError(.badRequest, "as_of must be a real date as \"YYYY-MM-DD\"")
    }
    return day
  }

  /// A JSON value as the CSV cell text `Rescorer` decodes, after the JSON Lines type
  /// check. Unknown inputs pass through for `Rescorer` to name.
  static func cell(_ json: JSONDocument, _ v: Range<Int>, _ field: String, _ type: ValueType?)
    throws(APIError) -> String
  {
    let kind = json.kind(v)
    guard let type, kind != .null else { return kind == .string ? json.string(v) : "" }
    func wrong(_ what: String) -> APIError {
      let shown = json.text(v)
      let value = shown.count > 60 ? String(shown.prefix(60)) + "…" : shown
      return APIError(.badRequest, "set.\(field): \(value) is not \(what) (\(field): \(type))")
    }
    switch type.base {
    case .number:
      guard kind == .number else { throw wrong("a number") }
      return json.text(v)
    case .bool:
      guard kind == .bool else { throw wrong("a bool (true or false)") }
      return json.text(v)
    case .text:
      guard kind == .string else { throw wrong("a text (a string)") }
      let text = json.string(v)
      guard !text.isEmpty else {
        throw APIError(.badRequest, "set.\(field): the text is empty (null means missing)")
      }
      return text
    case .date:
      guard kind == .string else { throw wrong("a date (a \"YYYY-MM-DD\" string)") }
      return json.string(v)
    case .set:
      guard kind == .array else { throw wrong("a set (an array of strings)") }
      var items: [String] = []
      for item in json.items(v) {
        guard json.kind(item) == .string else { throw wrong("a set (an array of strings)") }
        let s = json.string(item)
        guard !s.contains(";") else {
          throw APIError(.badRequest, "set.\(field): an item holds `;`, which no code may hold")
        }
        items.append(s)
      }
      return items.joined(separator: ";")
    }
  }

  /// `Rescorer`'s messages speak of `--set FIELD=VALUE`; over HTTP that is `set.FIELD`.
  static func httpWording(_ message: String) -> String {
    message.replacingOccurrences(of: "give it with --set ", with: "give it in set: ")
      .replacingOccurrences(of: "--set ", with: "set.")
  }
}
