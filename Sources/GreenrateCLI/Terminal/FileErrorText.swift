import Foundation
import GreenrateEngine

/// The reason a Foundation file operation failed, as the system says it ("No space left
/// on device"): on Linux, Foundation's own description is only "The operation could not
/// be completed. (NSCocoaErrorDomain error 512.)".
enum FileErrorText {
  static func of(_ error: any Error) -> String {
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain { return System.errorText(Int32(ns.code)) }
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return System.errorText(Int32(underlying.code))
    }
    return ns.localizedDescription
  }
}
