import GreenrateEngine
import GreenrateStore
import Hummingbird

/// A request that ends in an error response: its status and one clear sentence, sent as
/// `{"error": "..."}` (plus `"line"` for a runtime error in the rules).
struct APIError: Error, Sendable {
  var status: HTTPResponse.Status
  var message: String
  /// The rule file line of a runtime error (422).
  var line: Int?
  /// The rescore run that recorded a runtime error (422).
  var runID: Int64?
  /// The methods a path allows (405).
  var allow: [HTTPRequest.Method] = []

  init(_ status: HTTPResponse.Status, _ message: String, line: Int? = nil) {
    self.status = status
    self.message = message
    self.line = line
  }

  /// The JSON body.
  var body: [UInt8] {
    var w = JSONWriter(capacity: 64 + message.utf8.count)
    w.raw("{\"error\":")
    w.string(message)
    if let line {
      w.raw(",\"line\":")
      w.number(Double(line))
    }
    if let runID {
      w.raw(",\"run_id\":")
      w.number(Double(runID))
    }
    w.raw("}")
    return w.bytes
  }

  static func database(_ error: SQLiteError) -> APIError {
    APIError(.serviceUnavailable, "the database cannot answer now: \(error.message)")
  }
}
