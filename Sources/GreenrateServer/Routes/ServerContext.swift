import Hummingbird

/// Hummingbird's per-request context; the server keeps nothing in it but the core.
struct ServerContext: RequestContext {
  var coreContext: CoreRequestContextStorage

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
  }
}
