import GreenrateLanguage
import GreenrateStore

extension RulesetDescription {
  /// What a run records about `program`: the plain values the store keeps.
  package init(_ program: Program) {
    var labels = JSONWriter()
    labels.stringArray(program.ratingLabels)
    self.init(
      name: program.name, version: program.version, sha256: program.sha256,
      ratingLabelsJSON: labels.text, ratingLabelCount: program.ratingLabels.count,
      recordFields: StoredRecordCodec.fieldList(program.layout),
      factorInfo: RulesetDescription.factorInfoJSON(program))
  }

  /// The rule set's factors and bands, so `explain` can describe a stored rating even
  /// after the rule file has changed.
  package static func factorInfoJSON(_ program: Program) -> String {
    var w = JSONWriter(capacity: 512)
    w.byte(UInt8(ascii: "["))
    for (i, factor) in program.factors.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.raw("{\"name\":")
      w.string(factor.name)
      w.raw(",\"title\":")
      if let title = factor.title { w.string(title) } else { w.null() }
      w.raw(",\"best\":")
      w.number(factor.best)
      w.raw(",\"bands\":[")
      for (j, band) in factor.bands.enumerated() {
        if j > 0 { w.byte(UInt8(ascii: ",")) }
        w.raw("{\"points\":")
        w.number(band.points)
        w.raw(",\"reason\":")
        if let reason = band.reason { w.string(reason) } else { w.null() }
        w.raw(",\"line\":")
        w.number(Double(band.location.line))
        w.raw(",\"column\":")
        w.number(Double(band.location.column))
        w.raw(",\"else\":")
        w.bool(band.isElse)
        w.byte(UInt8(ascii: "}"))
      }
      w.raw("]}")
    }
    w.byte(UInt8(ascii: "]"))
    return w.text
  }
}
