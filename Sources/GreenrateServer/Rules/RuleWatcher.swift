import Foundation
import GreenrateEngine
import GreenrateLanguage
import Logging
import ServiceLifecycle

/// Watches the rule file by polling it every second (size, modification time, inode,
/// then SHA-256 of the content): a poll works for editors that save in place and for
/// those that write a new file and rename it over the old one.
///
/// A changed file is compiled and its cases run; only when both pass do the new rules
/// go into the rule book. Otherwise the old rules stay, every error is logged, the
/// failure counted and kept for `/readyz`.
final class RuleWatcher: Service, Sendable {
  let loader: RuleLoader
  let book: RuleBook
  let metrics: ServerMetrics
  let logger: Logger
  let interval: Duration

  init(
    loader: RuleLoader, book: RuleBook, metrics: ServerMetrics, logger: Logger,
    interval: Duration = .seconds(1)
  ) {
    self.loader = loader
    self.book = book
    self.metrics = metrics
    self.logger = logger
    self.interval = interval
  }

  /// What identifies one version of the file without reading it.
  struct Stamp: Equatable {
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int
    var inode: UInt64
  }

  static func stamp(_ path: String) -> Stamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Stamp(
      size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec),
      modifiedNanoseconds: Int(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
  }

  func run() async throws {
    await cancelWhenGracefulShutdown {
      var seen = RuleWatcher.stamp(self.loader.path)
      while !Task.isCancelled {
        try? await Task.sleep(for: self.interval)
        if Task.isCancelled { return }
        let now = RuleWatcher.stamp(self.loader.path)
        guard now != seen else { continue }
        seen = now
        self.check()
      }
    }
  }

  /// Reloads when the content differs from the rules in force.
  func check() {
    guard let bytes = System.readFile(loader.path) else {
      fail(["\(loader.path): error: cannot read the rule file"])
      return
    }
    let current = book.current
    if SHA256.hex(bytes) == current.program.sha256 {
      // Back to the rules in force (e.g. a broken edit undone): nothing to switch.
      book.clearFailure()
      return
    }
    switch loader.load(bytes) {
    case .loaded(let rules):
      book.install(rules)
      metrics.reloaded(to: rules, from: current)
      logger.info(
        "rules reloaded",
        metadata: [
          "ruleset": "\(rules.header)", "path": "\(rules.path)",
          "previous": "\(current.shortSHA)",
        ])
    case .failed(let lines):
      fail(lines)
    }
  }

  private func fail(_ lines: [String]) {
    metrics.reloadFailed()
    for line in lines { logger.error("\(line)") }
    logger.error(
      "rule reload failed; still serving the previous rules",
      metadata: ["ruleset": "\(book.current.header)"])
    book.recordFailure(lines.joined(separator: "\n"))
  }
}
