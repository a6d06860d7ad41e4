/// Compiled code for a number, date or optional bool: NaN is missing (see `Scalar`).
typealias NumberCode = @Sendable (Frame) -> Double
/// Compiled code for a `bool` that cannot be missing.
typealias BoolCode = @Sendable (Frame) -> Bool
/// Compiled code for a text; nil is missing.
typealias TextCode = @Sendable (Frame) -> Text?
/// Compiled code for a set.
typealias SetCode = @Sendable (Frame) -> TextSet
/// One statement, or a sequence of them: lets, factors, knockouts, denials, outputs.
typealias StepCode = @Sendable (Frame) -> Void
/// The index of the first true condition of a list (the list's count when none is).
typealias IndexCode = @Sendable (Frame) -> Int

/// A register of a `Frame`.
enum RegisterSlot: Hashable, Sendable {
  case scalar(Int)
  case text(Int)
  case set(Int)
}

/// The compiled form of a rule set: closures over frame registers, names long gone.
struct CompiledCode: Sendable {
  /// How many registers of each kind a frame needs.
  struct Registers: Hashable, Sendable {
    var scalars = 0
    var texts = 0
    var sets = 0
    var factors = 0
    var knockouts = 0
    var denials = 0
    /// Membership masks of set inputs (see `Compiler.SetKeys`).
    var masks = 0
  }

  var registers: Registers
  /// The first scalar registers are the record's scalar inputs, copied in per record.
  var inputScalarCount: Int
  var asOfSlot: Int
  var scoreSlot: Int
  var knockedOutSlot: Int
  var eligibleSlot: Int
  /// Work done for every record before the rules: the membership masks of set inputs.
  var prepare: StepCode
  /// Lets, factors and knockouts in file order, stopping at the first runtime error.
  var items: StepCode
  /// The index of the matched rating band.
  var rating: IndexCode
  /// Every deny line: sets its flag, and clears `eligibleSlot` when it holds.
  var denials: StepCode
  /// Every output, in order.
  var outputs: StepCode
  /// Where each output's value is left.
  var outputSlots: [RegisterSlot]
  /// The factor of each reason rank (see `Compiler.reasonRanks`), when factor steps set
  /// `Frame.reasonBits`; nil when the reasons are sorted by `Frame.reasonShortfalls`.
  var reasonRankFactors: [Int]?
}
