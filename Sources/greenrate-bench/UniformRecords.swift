import GreenrateLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SplitMix64: tiny, seeded, good enough for synthetic data.
private struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func chance(_ p: Double) -> Bool { unit() < p }
}

/// Texts a merchant record plausibly holds: industry codes, provinces, permit states.
private let textPool = [
  "C1713", "H6210", "F5211", "D4415", "C2511", "I6510", "N7723", "C3311", "G5430", "O8111",
  "Zhejiang", "Yunnan", "Beijing", "Guizhou", "Hebei", "Guangdong", "Hong Kong", "Jiangsu",
  "not_required", "registration", "simplified", "key", "missing",
]
private let certificationPool = [
  "ISO14001", "CEL", "ISO9001", "ISO50001", "ENERGY_SAVING", "LOW_CARBON", "GREEN_FACTORY",
]

/// `count` valid records for `layout`, uniformly random (`score --uniform`): optional fields missing 30% of the time, numbers
/// a mix of zeros, shares in [0, 1) and log-uniform amounts up to 10^7.
func uniformRecords(_ layout: RecordLayout, count: Int, seed: UInt64) -> RecordBuffer {
  var random = SplitMix64(state: seed)
  var buffer = RecordBuffer(layout: layout, capacity: count)
  let first = Day.parse("1990-01-01") ?? 0
  let last = Day.parse("2024-12-31") ?? 0
  let certificationTexts = certificationPool.map { Text($0) }
  let texts = textPool.map { Text($0) }
  for i in 0..<count {
    let row = buffer.appendRow(line: i + 2)
    for field in layout.fields {
      if field.type.isOptional && random.chance(0.3) { continue }
      switch field.storage {
      case .scalar(let slot):
        let value: Double
        switch field.type.base {
        case .bool: value = random.chance(0.5) ? 1 : 0
        case .date: value = Double(first + random.below(last - first + 1))
        default:
          let kind = random.below(10)
          if kind < 3 {
            value = 0
          } else if kind < 6 {
            value = random.unit()
          } else {
            value = exp(random.unit() * 7 * 2.302585092994046)
          }
        }
        buffer.setScalar(value, row: row, slot: slot)
      case .text(let slot):
        let value = field.isKey ? Text("M\(1_000_000 + i)") : texts[random.below(texts.count)]
        buffer.setText(value, row: row, slot: slot)
      case .set(let slot):
        var items: [Text] = []
        for _ in 0..<random.below(4) {
          items.append(certificationTexts[random.below(certificationTexts.count)])
        }
        buffer.setSet(TextSet(items), row: row, slot: slot)
      }
    }
  }
  return buffer
}
