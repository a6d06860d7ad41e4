import GreenrateLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Synthetic merchant records for demos, tests and benchmarks.
///
/// The records follow the realistic merchant record of the project's domain notes (the
/// fields of `Rules/sme-green.rules` plus a name and a city). The same seed, count,
/// format and reference day always give the same bytes, and a shorter run is a prefix of
/// a longer one. Randomness comes from `SplitMix64`, never from the system.
package struct MerchantGenerator: Sendable {
  /// The fields of every record, in order (the CSV header).
  package static let fieldNames: [String] = [
    "merchant_id", "merchant_name", "industry_code", "province", "city", "established_date",
    "employees", "annual_revenue_cny", "electricity_kwh", "green_power_share", "natural_gas_m3",
    "diesel_litres", "has_rooftop_pv", "e_invoice_ratio", "digital_payment_share",
    "paperless_ordering", "green_packaging_ratio", "env_penalties_3y", "env_penalty_max_cny_3y",
    "pollution_permit", "certifications", "overdue_count_12m", "max_overdue_days_24m",
    "on_dishonest_list",
  ]

  /// 2026-11-01: the default day opening dates are drawn back from.
  package static let defaultReferenceDay = Day.number(year: 2026, month: 11, day: 1)

  /// Output is handed to the file descriptor in blocks of about this many bytes.
  static let blockSize = 1 << 20

  package let seed: UInt64
  /// `.csv`: RFC 4180 with a header row, LF line ends; `.jsonl`: one JSON object per line,
  /// a missing value `null`, a set an array of strings.
  package let format: InputFormat
  /// Opening dates lie up to 40 years before this day number (days since 1970-01-01).
  package let referenceDay: Int

  package init(seed: UInt64, format: InputFormat = .csv, referenceDay: Int = defaultReferenceDay) {
    self.seed = seed
    self.format = format
    self.referenceDay = referenceDay
  }

  /// The header (CSV only) and the first `count` records, in memory: for small counts.
  package func bytes(count: Int) -> [UInt8] {
    var out = GeneratorBuffer(
      format: format, fields: Self.fieldNames, capacity: 256 * min(max(count, 0), 1 << 20))
    var sampler = MerchantSampler(seed: seed, referenceDay: referenceDay)
    out.header()
    for index in 0..<max(count, 0) { sampler.append(index: index, to: &out) }
    return out.bytes
  }

  /// Writes the header (CSV only) and `count` records to the open file descriptor `fd`,
  /// in large blocks; memory stays bounded whatever the count.
  package func write(count: Int, to fd: Int32) throws(MerchantGeneratorError) {
    var out = GeneratorBuffer(
      format: format, fields: Self.fieldNames, capacity: Self.blockSize + 64 * 1024)
    var sampler = MerchantSampler(seed: seed, referenceDay: referenceDay)
    out.header()
    for index in 0..<max(count, 0) {
      sampler.append(index: index, to: &out)
      if out.bytes.count >= Self.blockSize {
        try Self.writeAll(out.bytes, to: fd)
        out.bytes.removeAll(keepingCapacity: true)
      }
    }
    try Self.writeAll(out.bytes, to: fd)
  }

  private static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(MerchantGeneratorError) {
    let failure = writeFully(bytes, to: fd)
    if failure != 0 {
      throw MerchantGeneratorError(
        "cannot write records: \(String(cString: strerror(failure)))", errorNumber: failure)
    }
  }
}

/// Writes all of `bytes` to `fd`, retrying after interrupts; the errno of a failure, or 0.
private func writeFully(_ bytes: [UInt8], to fd: Int32) -> Int32 {
  bytes.withUnsafeBytes { raw -> Int32 in
    guard let base = raw.baseAddress else { return 0 }
    var offset = 0
    while offset < raw.count {
      let written = write(fd, base + offset, raw.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return 0
  }
}
