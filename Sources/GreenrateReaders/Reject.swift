/// A record that could not be decoded (or scored): where it starts and why.
public struct Reject: Sendable, Hashable {
  /// The line on which the record starts (lines counted by LF from 1).
  public var line: Int
  /// The record's key, when it could be read.
  public var merchantID: String?
  /// What went wrong, naming the field (without the line, which is `line`).
  public var message: String

  public init(line: Int, merchantID: String?, message: String) {
    self.line = line
    self.merchantID = merchantID
    self.message = message
  }

  /// Why a record whose key an earlier scored record already had is rejected; one
  /// wording for `score`, `test` and the batch.
  public static func duplicateMessage(keyName: String, key: String, keptLine: Int) -> String {
    "duplicate \(keyName) \"\(key)\": the record on line \(keptLine) was kept"
  }
}
