/// Says what a refused CSV header looks like when it is plainly another dialect: Excel's
/// `;`-separated export (every cell quoted, which the CSV scanner sees as a bad quote) or
/// tab-separated values, both of which would otherwise be refused for a quote or for
/// missing columns.
enum HeaderSniffer {
  /// The message for a header line (its bytes up to the line end) separated by `;` or
  /// tabs and not by commas; nil when it does not look like either.
  static func separatorProblem(_ line: UnsafeBufferPointer<UInt8>) -> String? {
    var commas = 0
    var semicolons = 0
    var tabs = 0
    for byte in line {
      switch byte {
      case UInt8(ascii: ","): commas += 1
      case UInt8(ascii: ";"): semicolons += 1
      case UInt8(ascii: "\t"): tabs += 1
      case UInt8(ascii: "\n"): break
      default: continue
      }
    }
    guard commas == 0 else { return nil }
    if tabs > 0 && tabs >= semicolons {
      return "the header looks tab-separated (TSV): greenrate reads comma-separated CSV; "
        + "save the file as CSV with commas"
    }
    if semicolons > 0 {
      return "the header looks `;`-separated: greenrate reads comma-separated CSV; "
        + "save the file as CSV with commas (in Excel: \"CSV UTF-8 (comma delimited)\")"
    }
    return nil
  }

  /// The first line of `bytes` (up to, not including, its LF).
  static func firstLine(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    return UnsafeBufferPointer(rebasing: bytes[0..<end])
  }
}
