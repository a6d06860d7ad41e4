#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Draws synthetic merchants one after another from a seeded stream, following the
/// distributions of the project's domain notes (industry mix, log-normal revenue, the
/// missing rates of each field, rare penalties and overdue loans).
///
/// Fields are written in `MerchantGenerator.fieldNames` order.
struct MerchantSampler {
  private var rng: SplitMix64
  private var spare = 0.0
  private var hasSpare = false
  private let referenceDay: Int
  private var scratch: [UInt8] = []
  private var certifications: [[UInt8]] = []

  init(seed: UInt64, referenceDay: Int) {
    rng = SplitMix64(seed: seed)
    self.referenceDay = referenceDay
  }

  /// Appends merchant number `index` (from 0) as one record.
  mutating func append(index: Int, to out: inout GeneratorBuffer) {
    let industry = Self.industries[pick(Self.industryCumulative)]
    let province = Self.provinces[pick(Self.provinceCumulative)]
    let city = province.cities[rng.below(province.cities.count)]
    let section = Character(Unicode.Scalar(industry.section))

    merchantID(index)
    out.text(scratch)
    merchantName(city: city, section: industry.section)
    out.text(scratch)
    out.text(industry.code)
    out.text(province.name)
    out.text(city.english)

    let yearsAgo = min(-8 * log(1 - rng.nextUnit()), 40)
    out.date(referenceDay - Int(yearsAgo * 365.25))

    // Size and revenue are correlated: ln(revenue) = ln(600k) + 0.6 z + 0.8 z' (sigma 1).
    let sizeZ = gaussian()
    let employees = min(max((3 * exp(sizeZ)).rounded(), 1), 300)
    if rng.chance(0.2) { out.missing() } else { out.int(Int(employees)) }
    let revenue = min(max(600_000 * exp(0.6 * sizeZ + 0.8 * gaussian()), 50_000), 20_000_000)
    if rng.chance(0.1) { out.missing() } else { out.int(Int(revenue.rounded())) }

    let kwh = revenue * industry.kwhPerCNY * exp(0.5 * gaussian())
    if rng.chance(0.4) { out.missing() } else { out.int(Int(kwh.rounded())) }
    if rng.chance(0.6) {
      out.missing()
    } else {
      out.hundredths(rng.chance(0.85) ? 0 : 5 + rng.below(96))
    }

    // Gas: most catering firms burn it; elsewhere few do, and a blank is common.
    let burnsGas = section == "H" ? rng.chance(0.9) : rng.chance(0.12)
    let gas = burnsGas ? revenue * industry.gasPerCNY * exp(0.5 * gaussian()) : 0
    if rng.chance(section == "H" ? 0.3 : 0.55) {
      out.missing()
    } else {
      out.int(Int(gas.rounded()))
    }
    let burnsDiesel = section == "G" || section == "A" ? rng.chance(0.9) : rng.chance(0.1)
    let diesel = burnsDiesel ? revenue * industry.dieselPerCNY * exp(0.5 * gaussian()) : 0
    if rng.chance(section == "G" ? 0.25 : 0.5) {
      out.missing()
    } else {
      out.int(Int(diesel.rounded()))
    }
    if rng.chance(0.35) {
      out.missing()
    } else {
      out.bool(rng.chance(section == "C" || section == "D" || section == "A" ? 0.08 : 0.02))
    }

    digitalBehaviour(section: section, to: &out)
    compliance(industry: industry, section: section, to: &out)

    certifications.removeAll(keepingCapacity: true)
    let certified = industry.kind == .green ? 0.3 : section == "C" ? 0.2 : 0.08
    if rng.chance(certified) {
      for (code, p) in Self.certificationOdds where rng.chance(p) { certifications.append(code) }
      if certifications.isEmpty { certifications.append(Self.certificationOdds[0].code) }
    }
    out.set(certifications)

    credit(to: &out)
    out.endRecord()
  }

  /// E-invoices (bimodal near 0 and 1), digital payments (median 0.9), ordering, packaging.
  /// One latent "digital" trait per merchant links them: a merchant that issues
  /// e-invoices tends to take QR-code orders as well.
  private mutating func digitalBehaviour(section: Character, to out: inout GeneratorBuffer) {
    let digital = rng.nextUnit()
    if rng.chance(0.25) {
      out.missing()
    } else {
      let mode = rng.nextUnit()
      let high = 0.25 + 0.6 * digital
      let low = high + 0.5 - 0.4 * digital
      let u = rng.nextUnit()
      let ratio = mode < high ? 0.85 + 0.15 * u : mode < low ? 0.15 * u : u
      out.hundredths(Int((ratio * 100).rounded()))
    }
    if rng.chance(0.05) {
      out.missing()
    } else {
      let spread = exp(0.8 * gaussian() + 0.6 * (0.5 - digital))
      out.hundredths(Int((min(max(1 - 0.1 * spread, 0), 1) * 100).rounded()))
    }
    if rng.chance(0.2) {
      out.missing()
    } else {
      let base = section == "H" ? 0.65 : section == "F" ? 0.35 : 0.25
      out.bool(rng.chance(base * (0.4 + 1.2 * digital)))
    }
    if rng.chance(0.35) {
      out.missing()
    } else {
      let u = rng.nextUnit()
      let ratio = section == "F" || section == "H" ? min(u * (0.5 + digital), 1) : u * u
      out.hundredths(Int((ratio * 100).rounded()))
    }
  }

  /// Environmental penalties (none for ~97%) and the pollution permit status.
  private mutating func compliance(
    industry: Industry, section: Character, to out: inout GeneratorBuffer
  ) {
    let watched = industry.kind == .twoHigh || industry.kind == .heavyPolluting
    var penalties = 0
    if rng.chance(watched ? 0.10 : section == "C" ? 0.05 : 0.025) {
      let u = rng.nextUnit()
      penalties = u < 0.7 ? 1 : u < 0.9 ? 2 : u < 0.97 ? 3 : 4
    }
    out.int(penalties)
    if penalties == 0 || rng.chance(0.1) {
      out.missing()
    } else {
      // Median 10k CNY; about one in ten reaches the 100k "major penalty".
      let amount = min(max(10_000 * exp(1.8 * gaussian()), 1_000), 1_000_000)
      out.int(Int((amount / 100).rounded()) * 100)
    }
    let u = rng.nextUnit()
    let permit: Int  // index into permitValues
    if watched {
      permit = u < 0.5 ? 3 : u < 0.9 ? 2 : 4
    } else if section == "C" {
      permit = u < 0.5 ? 1 : u < 0.85 ? 2 : u < 0.95 ? 0 : 4
    } else {
      permit = u < 0.75 ? 0 : u < 0.97 ? 1 : 4
    }
    out.text(Self.permitValues[permit])
  }

  /// Overdue payments (none in 12 months for ~93%) and the dishonest-debtor list (~0.5%).
  private mutating func credit(to out: inout GeneratorBuffer) {
    var overdue = 0
    if rng.chance(0.07) {
      let u = rng.nextUnit()
      overdue = u < 0.6 ? 1 : u < 0.85 ? 2 : 3 + rng.below(4)
    }
    out.int(overdue)
    if overdue > 0 {
      out.int(Int(min(max(12 * exp(gaussian()), 1), 180).rounded()))
    } else {
      let u = rng.nextUnit()
      if u < 0.05 {
        out.missing()
      } else if u < 0.93 {
        out.int(0)
      } else {
        out.int(1 + rng.below(90))
      }
    }
    out.bool(rng.chance(0.005))
  }

  /// `M` and the 1-based number, zero-padded to at least 8 digits.
  private mutating func merchantID(_ index: Int) {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(UInt8(ascii: "M"))
    var n = index + 1
    var digits = 1
    var rest = n
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    let start = scratch.count
    let width = max(digits, 8)
    scratch.append(contentsOf: repeatElement(48, count: width))
    var i = start + width - 1
    while n > 0 {
      scratch[i] = 48 + UInt8(n % 10)
      n /= 10
      i -= 1
    }
  }

  /// "Hangzhou Golden Leaf Grocery", sometimes "... Co., Ltd." (a quoted CSV field), or
  /// a Chinese name such as "杭州金叶便利店" for about a third of merchants.
  private mutating func merchantName(
    city: (english: [UInt8], chinese: [UInt8]), section: UInt8
  ) {
    scratch.removeAll(keepingCapacity: true)
    let words = Self.businessWords(section: section)
    let trade = rng.below(Self.tradeNames.count)
    if rng.chance(0.3) {
      scratch.append(contentsOf: city.chinese)
      scratch.append(contentsOf: Self.tradeNamesChinese[trade])
      scratch.append(contentsOf: words.chinese[rng.below(words.chinese.count)])
    } else {
      scratch.append(contentsOf: city.english)
      scratch.append(UInt8(ascii: " "))
      scratch.append(contentsOf: Self.tradeNames[trade])
      scratch.append(UInt8(ascii: " "))
      scratch.append(contentsOf: words.english[rng.below(words.english.count)])
      if rng.chance(0.05) { scratch.append(contentsOf: Self.limitedSuffix) }
    }
  }

  private static let limitedSuffix = Array(" Co., Ltd.".utf8)

  /// Index of the bucket a uniform draw falls in, given normalized cumulative weights.
  private mutating func pick(_ cumulative: [Double]) -> Int {
    let u = rng.nextUnit()
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// A standard normal draw (Box-Muller, keeping the second value for the next call).
  private mutating func gaussian() -> Double {
    if hasSpare {
      hasSpare = false
      return spare
    }
    let radius = (-2 * log(1 - rng.nextUnit())).squareRoot()
    let angle = 2 * Double.pi * rng.nextUnit()
    spare = radius * sin(angle)
    hasSpare = true
    return radius * cos(angle)
  }
}
