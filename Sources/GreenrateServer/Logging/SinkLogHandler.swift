import Logging

/// A swift-log handler that writes `LEVEL LABEL: MESSAGE key=value ...` lines (keys
/// sorted) to a `LogSink`; a request line (`request`, at info) is buffered there, every
/// other line is written at once.
struct SinkLogHandler: LogHandler {
  let label: String
  let sink: LogSink
  var logLevel: Logger.Level = .info
  var metadata: Logger.Metadata = [:]

  init(label: String, sink: LogSink) {
    self.label = label
    self.sink = sink
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  /// The message of the one line per request (buffered).
  static let requestMessage = "request"

  func log(event: LogEvent) {
    var line: [UInt8] = []
    line.reserveCapacity(160)
    line.append(contentsOf: event.level.rawValue.utf8)
    line.append(UInt8(ascii: " "))
    line.append(contentsOf: label.utf8)
    line.append(contentsOf: ": ".utf8)
    let message = event.message.description
    line.append(contentsOf: message.utf8)
    var all = metadata
    if let more = event.metadata, !more.isEmpty { all.merge(more) { $1 } }
    for key in all.keys.sorted() {
      line.append(UInt8(ascii: " "))
      line.append(contentsOf: key.utf8)
      line.append(UInt8(ascii: "="))
      line.append(contentsOf: (all[key]?.description ?? "").utf8)
    }
    let buffered = event.level == .info && message == SinkLogHandler.requestMessage
    sink.write(line, now: !buffered)
  }
}
