/// A run's stored record fields and factors (see `RunReader.layout(ofRun:)`).
package struct StoredRunLayout: Sendable {
  package struct Factor: Sendable {
    package var name: String
    /// Each band's points, in band order.
    package var points: [Double]

    package init(name: String, points: [Double]) {
      self.name = name
      self.points = points
    }
  }

  package var fields: [StoredField]
  package var factors: [Factor]
}
