/// Scores records with a compiled `Program`; one per thread.
///
/// Owns its registers, so evaluating a record allocates nothing. After `evaluate`
/// returns nil, the accessors describe that record until the next call.
package final class Evaluator {
  package let program: Program
  /// The run's as-of date as a day number (see `Day`).
  package let asOf: Int

  private let frame: Frame
  private let code: CompiledCode
  private let factorCount: Int
  /// Shortfalls of the reasons placed so far in `reasonStorage`, for the insertion sort.
  private let shortfalls: UnsafeMutablePointer<Double>
  /// The factor of each reason rank, when the program ranks reasons (see `CompiledCode`).
  private let rankFactors: UnsafeMutablePointer<Int>?
  @exclusivity(unchecked) private var reasonStorage: [Int]
  @exclusivity(unchecked) private var reasonCount = 0

  package init(program: Program, asOf: Int) {
    self.program = program
    self.asOf = asOf
    code = program.code
    frame = Frame(registers: code.registers, asOf: asOf)
    frame.scalars[code.asOfSlot] = Double(asOf)
    factorCount = program.factors.count
    shortfalls = .allocate(capacity: factorCount + 1)
    shortfalls.initialize(repeating: 0, count: factorCount + 1)
    reasonStorage = Array(repeating: 0, count: factorCount)
    if let factors = code.reasonRankFactors {
      let p = UnsafeMutablePointer<Int>.allocate(capacity: max(factors.count, 1))
      p.initialize(repeating: 0, count: max(factors.count, 1))
      p.update(from: factors, count: factors.count)
      rankFactors = p
    } else {
      rankFactors = nil
    }
  }

  deinit {
    shortfalls.deallocate()
    rankFactors?.deallocate()
  }

  /// Evaluates one row of `records`; nil on success, else the first runtime error.
  ///
  /// `records` must have this program's layout (as `program.layout` made it).
  package func evaluate(_ records: RecordBuffer, row: Int) -> RuntimeError? {
    let layout = records.layout
    let n = code.inputScalarCount
    precondition(
      row >= 0 && row < records.count && layout.scalarCount == n
        && layout.textCount == program.layout.textCount
        && layout.setCount == program.layout.setCount,
      "a record buffer made for another layout, or a row out of range")
    let f = frame
    f.reset()
    if n > 0 {
      records.scalars.withUnsafeBufferPointer { p in
        if let base = p.baseAddress { f.scalars.update(from: base + row * n, count: n) }
      }
    }
    return records.texts.withUnsafeBufferPointer { texts in
      records.sets.withUnsafeBufferPointer { sets in
        if let base = texts.baseAddress { f.inputTexts = base + row * layout.textCount }
        if let base = sets.baseAddress { f.inputSets = base + row * layout.setCount }
        return run(f)
      }
    }
  }

  private func run(_ f: Frame) -> RuntimeError? {
    f.scalars[code.scoreSlot] = 0
    f.scalars[code.knockedOutSlot] = 0
    f.reasonBits = 0
    code.prepare(f)
    code.items(f)
    if f.failed { return failure() }
    let r = code.rating(f)
    if f.failed { return failure() }
    f.ratingIndex = r
    f.scalars[code.eligibleSlot] = 1
    code.denials(f)
    if f.failed { return failure() }
    code.outputs(f)
    if f.failed { return failure() }
    orderReasons()
    return nil
  }

  private func failure() -> RuntimeError {
    RuntimeError(file: program.file, location: frame.failureLocation, message: frame.failureMessage)
  }

  /// The factors with a reason by shortfall, largest first, ties in factor order: read
  /// from the rank bits when the program ranks reasons, else by a stable insertion sort.
  private func orderReasons() {
    if let rankFactors {
      // Ranked: the set bits, lowest first, are the reasons in order.
      var bits = frame.reasonBits
      reasonCount = reasonStorage.withUnsafeMutableBufferPointer { order in
        var count = 0
        while bits != 0 {
          order[count] = rankFactors[bits.trailingZeroBitCount]
          bits &= bits - 1
          count += 1
        }
        return count
      }
      return
    }
    let source = frame.reasonShortfalls
    let shortfalls = self.shortfalls
    let n = factorCount
    reasonCount = reasonStorage.withUnsafeMutableBufferPointer { order in
      var count = 0
      for factor in 0..<n {
        let s = source[factor]
        if s.isNaN { continue }
        var j = count
        while j > 0 && shortfalls[j - 1] < s {
          order[j] = order[j - 1]
          shortfalls[j] = shortfalls[j - 1]
          j -= 1
        }
        order[j] = factor
        shortfalls[j] = s
        count += 1
      }
      return count
    }
  }

  /// The sum of the factors' points.
  package var score: Double { frame.scalars[code.scoreSlot] }
  /// Index into `program.ratingLabels`.
  package var ratingIndex: Int { frame.ratingIndex }
  package var eligible: Bool { frame.scalars[code.eligibleSlot] != 0 }
  package func points(ofFactor factor: Int) -> Double { factorPoints(factor) }
  /// Index of the matched band in `program.factors[factor].bands`.
  package func band(ofFactor factor: Int) -> Int { frame.bands[factor] }
  package func knockout(_ index: Int) -> Bool { frame.knockouts[index] }
  package func denial(_ index: Int) -> Bool { frame.denials[index] }

  package func output(_ index: Int) -> Value {
    let type = program.outputs[index].type
    switch code.outputSlots[index] {
    case .scalar(let s):
      let x = frame.scalars[s]
      if Scalar.isMissing(x) { return .missing }
      switch type.base {
      case .bool: return .bool(x != 0)
      case .date: return x.isFinite && abs(x) < 1e9 ? .date(Int(x)) : .missing
      default: return .number(x)
      }
    case .text(let s):
      return frame.texts[s].map(Value.text) ?? .missing
    case .set(let s):
      return .set(frame.sets[s])
    }
  }

  /// Indexes of factors whose matched band has a reason, ordered by shortfall (largest
  /// first), ties in factor order. Reused between records.
  package var reasonOrder: ArraySlice<Int> { reasonStorage[0..<reasonCount] }

  /// The last record's result as plain values.
  package func result(key: Text) -> ScoreResult {
    let factors = program.factors.indices.map { i in
      let info = program.factors[i]
      let band = frame.bands[i]
      return ScoreResult.FactorScore(
        name: info.name, points: factorPoints(i), band: band,
        reason: band < info.bands.count ? info.bands[band].reason : nil)
    }
    let labels = program.ratingLabels
    return ScoreResult(
      key: key, score: score,
      rating: ratingIndex < labels.count ? labels[ratingIndex] : "",
      ratingIndex: ratingIndex, eligible: eligible,
      reasons: reasonOrder.compactMap { program.factors[$0].bands[frame.bands[$0]].reason },
      knockouts: program.knockoutCodes.indices.filter { knockout($0) }.map {
        program.knockoutCodes[$0]
      },
      denials: program.denialCodes.indices.filter { denial($0) }.map { program.denialCodes[$0] },
      factors: factors,
      outputs: program.outputs.indices.map { (program.outputs[$0].name, output($0)) })
  }

  private func factorPoints(_ factor: Int) -> Double {
    let band = frame.bands[factor]
    let bands = program.factors[factor].bands
    return band < bands.count ? bands[band].points : 0
  }
}
