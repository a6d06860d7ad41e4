/// Where each field of the current CSV record lies in the read buffer.
///
/// Raw memory (owned and freed by `RecordReader`) because the scanner writes it for
/// every field of every record.
struct CSVFieldBounds {
  /// Field content starts (after an opening quote).
  var starts: UnsafeMutablePointer<Int>
  /// Field content ends (before a closing quote or a CR of a line end).
  var ends: UnsafeMutablePointer<Int>
  /// `CSVFieldBounds.escaped` and `CSVFieldBounds.nonASCII` bits.
  var flags: UnsafeMutablePointer<UInt8>
  /// How many fields fit; the scanner counts fields beyond it without storing them.
  var capacity: Int

  /// The content holds doubled quotes to undo.
  static let escaped: UInt8 = 1
  /// The content holds bytes >= 0x80, so its UTF-8 must be checked.
  static let nonASCII: UInt8 = 2

  init(capacity: Int) {
    self.capacity = capacity
    starts = .allocate(capacity: capacity)
    ends = .allocate(capacity: capacity)
    flags = .allocate(capacity: capacity)
  }

  func deallocate() {
    starts.deallocate()
    ends.deallocate()
    flags.deallocate()
  }
}
