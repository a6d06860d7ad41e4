/// The registers one `Evaluator` works in: allocated once, reused for every record.
///
/// Everything mutable lives behind raw pointers or unchecked-exclusivity properties so
/// the compiled closures read and write registers without any runtime bookkeeping.
final class Frame {
  /// Scalar inputs (copied per record), then lets, factor points, outputs, built-ins.
  let scalars: UnsafeMutablePointer<Double>
  /// Text lets and outputs (text inputs are read in place, see `inputTexts`).
  let texts: UnsafeMutablePointer<Text?>
  /// Set lets and outputs (set inputs are read in place, see `inputSets`).
  let sets: UnsafeMutablePointer<TextSet>
  /// The matched band of each factor.
  let bands: UnsafeMutablePointer<Int>
  /// For each factor, the shortfall of its matched band when that band has a reason, else
  /// NaN: what ordering the reasons needs, written as the factor is scored.
  let reasonShortfalls: UnsafeMutablePointer<Double>
  let knockouts: UnsafeMutablePointer<Bool>
  let denials: UnsafeMutablePointer<Bool>
  /// For some set inputs: bit i is set when the set holds key i of the tests made on it.
  let masks: UnsafeMutablePointer<UInt64>
  /// The current record's text inputs, inside the record buffer; valid during `evaluate`.
  @exclusivity(unchecked) var inputTexts: UnsafePointer<Text?>
  /// The current record's set inputs, inside the record buffer; valid during `evaluate`.
  @exclusivity(unchecked) var inputSets: UnsafePointer<TextSet>
  @exclusivity(unchecked) var ratingIndex = 0
  /// The rank bits of the matched bands' reasons (see `Compiler.reasonRanks`).
  @exclusivity(unchecked) var reasonBits: UInt64 = 0
  /// Set by the first runtime error of a record; later ones are ignored.
  @exclusivity(unchecked) var failed = false
  @exclusivity(unchecked) var failureLocation = SourceLocation(line: 0, column: 0)
  @exclusivity(unchecked) var failureMessage = ""

  /// The as-of date as a day number, and its civil year and month·100+day.
  let asOf: Int
  let asOfYear: Int
  let asOfMonthDay: Int
  /// `DateFunctions.anniversaries(asOf:)`, for `years_since`.
  let anniversaries: UnsafeMutablePointer<Int>

  private let registers: CompiledCode.Registers

  init(registers: CompiledCode.Registers, asOf: Int) {
    self.registers = registers
    // One spare register of each kind keeps every pointer valid even for empty files.
    scalars = .allocate(capacity: registers.scalars + 1)
    scalars.initialize(repeating: Scalar.missing, count: registers.scalars + 1)
    texts = .allocate(capacity: registers.texts + 1)
    texts.initialize(repeating: nil, count: registers.texts + 1)
    sets = .allocate(capacity: registers.sets + 1)
    sets.initialize(repeating: .empty, count: registers.sets + 1)
    bands = .allocate(capacity: registers.factors + 1)
    bands.initialize(repeating: 0, count: registers.factors + 1)
    reasonShortfalls = .allocate(capacity: registers.factors + 1)
    reasonShortfalls.initialize(repeating: .nan, count: registers.factors + 1)
    knockouts = .allocate(capacity: registers.knockouts + 1)
    knockouts.initialize(repeating: false, count: registers.knockouts + 1)
    denials = .allocate(capacity: registers.denials + 1)
    denials.initialize(repeating: false, count: registers.denials + 1)
    masks = .allocate(capacity: registers.masks + 1)
    masks.initialize(repeating: 0, count: registers.masks + 1)
    inputTexts = UnsafePointer(texts)
    inputSets = UnsafePointer(sets)
    self.asOf = asOf
    let civil = Day.civil(asOf)
    asOfYear = civil.year
    asOfMonthDay = civil.month * 100 + civil.day
    let table = DateFunctions.anniversaries(asOf: asOf)
    anniversaries = .allocate(capacity: table.count)
    anniversaries.initialize(from: table, count: table.count)
  }

  deinit {
    scalars.deinitialize(count: registers.scalars + 1)
    scalars.deallocate()
    texts.deinitialize(count: registers.texts + 1)
    texts.deallocate()
    sets.deinitialize(count: registers.sets + 1)
    sets.deallocate()
    bands.deallocate()
    reasonShortfalls.deallocate()
    knockouts.deallocate()
    denials.deallocate()
    masks.deallocate()
    anniversaries.deallocate()
  }

  /// Records a runtime error unless one was recorded already for this record.
  @inline(never)
  func fail(at location: SourceLocation, _ message: String) {
    if failed { return }
    failed = true
    failureLocation = location
    failureMessage = message
  }

  /// Forgets the previous record's error.
  @inline(__always)
  func reset() {
    failed = false
  }
}
