import GreenrateLanguage

extension RecordLayout.Field {
  /// How a reader decodes this input, and its slot in the record buffer's scalars,
  /// texts or sets.
  var decodeTarget: (kind: DecodeKind, slot: Int) {
    switch storage {
    case .scalar(let slot):
      switch type.base {
      case .bool: return (.bool, slot)
      case .date: return (.date, slot)
      default: return (.number, slot)
      }
    case .text(let slot): return (.text, slot)
    case .set(let slot): return (.set, slot)
    }
  }
}
