/// Colours and axis arithmetic shared by the charts.
package enum ChartStyle {
  /// The one accent colour (Okabe–Ito blue).
  package static let accent = "#0072B2"
  /// Axis lines, tick labels and the baseline overlay.
  static let ink = "#222222"
  static let grid = "#DDDDDD"

  /// Okabe–Ito, in its usual order: distinguishable with the common colour-vision
  /// deficiencies. Ratings take them by position in the rule file (rule sets order
  /// their ratings differently, so no colour claims "good" or "bad").
  static let categorical = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    "#000000",
  ]

  /// The colour of rating number `index` in the rule set's order.
  package static func ratingColour(_ index: Int) -> String {
    categorical[index % categorical.count]
  }

  /// Tick values from 0 to at least `maximum`, on a 1-2-5 step, about `target` of them.
  static func ticks(upTo maximum: Double, target: Int = 5) -> [Double] {
    guard maximum > 0, maximum.isFinite else { return [0, 1] }
    let rough = maximum / Double(max(1, target - 1))
    var magnitude = 1.0
    while magnitude * 10 <= rough { magnitude *= 10 }
    while magnitude > rough { magnitude /= 10 }
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
    var ticks: [Double] = [0]
    while ticks[ticks.count - 1] < maximum { ticks.append(ticks[ticks.count - 1] + step) }
    return ticks
  }

  /// Text cut to `limit` characters with an ellipsis (the full text stays in the table).
  static func short(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
