import GreenrateEngine
import GreenrateLanguage
import GreenrateStore

/// Counts a run's rating rows into `RunAggregates`, one row at a time.
///
/// Per row it keeps only counters: labels, code lists and field values are looked up
/// by their bytes (`ByteKeyTable`), and the code lists are parsed once per distinct
/// list at the end, so memory grows with the distinct values, not the merchants.
package struct RunAggregator {
  private let labels: [String]
  private let factorInfo: [StoredRating.Factor]
  private let fields: [StoredField]
  private let byFields: [(name: String, index: Int)]

  private var scored = 0
  private var eligible = 0
  private var ratingIDs = ByteKeyTable()
  private var ratingCounts: [Int] = []
  private var codeLists = [ByteKeyTable(), ByteKeyTable(), ByteKeyTable()]
  private var codeListCounts: [[Int]] = [[], [], []]
  private var bandCounts: [[Int]]
  private var scoreCounts: [Double: Int] = [:]
  private var groups: [GroupCounter]

  /// Counts for run `run`, described by `description`, broken down by `byFields`
  /// (names of stored inputs, checked by `ReportError.check`).
  package init(run: RunInfo, description: RunDescription, byFields: [String]) {
    labels = run.ratingCounts.map(\.label)
    factorInfo = description.factors
    fields = description.fields
    self.byFields = byFields.map { name in
      (name, description.fields.firstIndex { $0.name == name } ?? -1)
    }
    bandCounts = description.factors.map { Array(repeating: 0, count: $0.bands.count) }
    groups = byFields.map { _ in GroupCounter() }
  }

  /// Whether `add` needs the row's stored record.
  package var needsRecord: Bool { !byFields.isEmpty }

  /// Counts one row.
  package mutating func add(_ row: RatingRowView) {
    scored += 1
    if row.eligible { eligible += 1 }
    let rating = ratingIDs.id(row.rating)
    if rating == ratingCounts.count { ratingCounts.append(0) }
    ratingCounts[rating] += 1
    for (i, column) in [row.reasons, row.knockouts, row.denials].enumerated() {
      let id = codeLists[i].id(column)
      if id == codeListCounts[i].count { codeListCounts[i].append(0) }
      codeListCounts[i][id] += 1
    }
    scoreCounts[row.score, default: 0] += 1
    countBands(row.factors)
    for (i, field) in byFields.enumerated() {
      let value =
        StoredRecordCodec.cellText(of: field.index, in: row.record, fields: fields) ?? ""
      groups[i].add(value, rating: rating, eligible: row.eligible)
    }
  }

  private mutating func countBands(_ bytes: UnsafeRawBufferPointer) {
    var at = 0
    for factor in 0..<bandCounts.count {
      var band = 0
      var shift = 0
      while at < bytes.count {
        let b = bytes[at]
        at += 1
        band |= Int(b & 0x7F) << shift
        shift += 7
        if b < 0x80 || shift > 56 { break }
      }
      if band < bandCounts[factor].count { bandCounts[factor][band] += 1 }
    }
  }

  /// The counts so far.
  package func result() -> RunAggregates {
    var out = RunAggregates()
    out.scored = scored
    out.eligible = eligible
    // The rule set's labels in order, then any stored label it does not declare.
    var order = labels
    for id in 0..<ratingIDs.count where !order.contains(ratingIDs.text(id)) {
      order.append(ratingIDs.text(id))
    }
    var labelIndex: [Int] = []
    for id in 0..<ratingIDs.count {
      labelIndex.append(order.firstIndex(of: ratingIDs.text(id)) ?? 0)
    }
    var counts = Array(repeating: 0, count: order.count)
    for id in 0..<ratingIDs.count { counts[labelIndex[id]] += ratingCounts[id] }
    out.ratings = Array(zip(order, counts)).map { ($0.0, $0.1) }
    out.scores = scoreCounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    out.reasons = codes(0)
    out.knockouts = codes(1)
    out.denials = codes(2)
    out.factors = zip(factorInfo, bandCounts).map { info, counts in
      RunAggregates.FactorBands(
        name: info.name, title: info.title, bands: info.bands, counts: counts)
    }
    out.breakdowns = zip(byFields, groups).map { field, counter in
      counter.breakdown(field: field.name, labelIndex: labelIndex, labels: order.count)
    }
    return out
  }

  /// Code counts from the distinct stored lists of column `column`.
  private func codes(_ column: Int) -> [RunAggregates.CodeCount] {
    var counts: [String: Int] = [:]
    for id in 0..<codeLists[column].count {
      let list = StoredJSON.parse(codeLists[column].text(id))?.stringArray ?? []
      for code in Set(list) { counts[code, default: 0] += codeListCounts[column][id] }
    }
    return counts.map { RunAggregates.CodeCount(code: $0.key, count: $0.value) }
      .sorted { ($0.count, $1.code) > ($1.count, $0.code) }
  }
}
