import GreenrateFuzzing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line to standard error.
func writeError(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
}

#if FUZZING
  /// The target picked by `GREENRATE_FUZZ_TARGET`, read once.
  private let selected: FuzzTarget = {
    guard let name = getenv("GREENRATE_FUZZ_TARGET").map({ String(cString: $0) }),
      let target = FuzzTarget(rawValue: name)
    else {
      writeError("set GREENRATE_FUZZ_TARGET to rules, csv, jsonl or stored")
      exit(64)
    }
    return target
  }()

  /// libFuzzer's entry point: built only by scripts/fuzz (`-sanitize=fuzzer`).
  @_cdecl("LLVMFuzzerTestOneInput")
  package func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selected.run(bytes)
    return 0
  }

  /// libFuzzer's driver, for an executable whose `main` SwiftPM names itself.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable's `main` to `<module>_main`; here it starts libFuzzer.
  @_cdecl("greenrate_fuzz_main")
  package func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> CInt {
    var count = argc
    var vector = argv
    return runDriver(&count, &vector) { data, size in fuzzOne(data, size) }
  }
#else
  /// Without libFuzzer: `greenrate-fuzz TARGET FILE...` runs each file through a target
  /// once, to reproduce a finding in an ordinary (debuggable) build.
  @main
  struct FuzzReplay {
    static func main() {
      let arguments = Array(CommandLine.arguments.dropFirst())
      if arguments.count == 3 && arguments[0] == "--stored-seeds" {
        writeStoredSeeds(csv: arguments[1], directory: arguments[2])
        return
      }
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        writeError("usage: greenrate-fuzz (rules|csv|jsonl|stored) FILE...")
        exit(64)
      }
      for path in arguments.dropFirst() {
        target.run(readFile(path))
        print("\(path): ok")
      }
    }

    /// `--stored-seeds CSV DIR`: the records of CSV, encoded, as seed files for `stored`.
    static func writeStoredSeeds(csv: String, directory: String) {
      for (i, seed) in FuzzTarget.storedSeeds(fromCSV: readFile(csv)).enumerated() {
        guard let file = fopen("\(directory)/record-\(i)", "wb") else { exit(1) }
        _ = seed.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
      }
    }

    static func readFile(_ path: String) -> [UInt8] {
      guard let file = fopen(path, "rb") else {
        writeError("cannot open \(path)")
        exit(1)
      }
      defer { fclose(file) }
      var bytes: [UInt8] = []
      var block = [UInt8](repeating: 0, count: 65536)
      while true {
        let n = fread(&block, 1, block.count, file)
        if n <= 0 { break }
        bytes += block[0..<n]
      }
      return bytes
    }
  }
#endif
