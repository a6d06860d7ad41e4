import Foundation

/// Responses gathered from many threads.
final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [HTTPClient.Response?] = []

  func add(_ response: HTTPClient.Response?) {
    lock.lock()
    items.append(response)
    lock.unlock()
  }

  var values: [HTTPClient.Response?] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
