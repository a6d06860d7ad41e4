import Hummingbird

/// Every route the server answers: its method and its path template as the OpenAPI
/// document names it (`/v1/merchants/{id}`). Tests check this list against
/// `openapi.json` both ways.
package enum Route: String, CaseIterable, Sendable {
  case merchant = "/v1/merchants/{id}"
  case explanation = "/v1/merchants/{id}/explanation"
  case rescore = "/v1/merchants/{id}/rescore"
  case score = "/v1/score"
  case runs = "/v1/runs"
  case rules = "/v1/rules"
  case healthz = "/healthz"
  case readyz = "/readyz"
  case metrics = "/metrics"
  case openapi = "/openapi.json"

  /// The path template.
  package var template: String { rawValue }

  /// The one method the route takes.
  package var method: String {
    switch self {
    case .rescore, .score: return "POST"
    default: return "GET"
    }
  }

  var httpMethod: HTTPRequest.Method { self.method == "POST" ? .post : .get }

  /// Matches a path's segments (already percent-decoded); the merchant id when the
  /// route has one.
  static func match(_ segments: [String]) -> (route: Route, id: String?)? {
    switch segments.count {
    case 1:
      switch segments[0] {
      case "healthz": return (.healthz, nil)
      case "readyz": return (.readyz, nil)
      case "metrics": return (.metrics, nil)
      case "openapi.json": return (.openapi, nil)
      default: return nil
      }
    case 2 where segments[0] == "v1":
      switch segments[1] {
      case "score": return (.score, nil)
      case "runs": return (.runs, nil)
      case "rules": return (.rules, nil)
      default: return nil
      }
    case 3 where segments[0] == "v1" && segments[1] == "merchants":
      return (.merchant, segments[2])
    case 4 where segments[0] == "v1" && segments[1] == "merchants":
      switch segments[3] {
      case "explanation": return (.explanation, segments[2])
      case "rescore": return (.rescore, segments[2])
      default: return nil
      }
    default: return nil
    }
  }
}
