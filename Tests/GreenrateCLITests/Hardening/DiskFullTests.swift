import Foundation
import GreenrateEngine
import GreenrateStore
import GreenrateTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The disk fills up during the checkpoint after the final commit: the run is stored
/// `completed`, so the batch must say so and exit 0, not promise a `--resume` that
/// then finds nothing to resume (item 9).
///
/// Needs a small tmpfs (mount, as root); where mounting is not allowed the test is
/// skipped, not passed.
@Suite(.serialized)
struct DiskFullTests {
  @Test(.enabled(if: TmpfsMount.available))
  func aDiskFullInTheFinalCheckpointStillReportsTheCompletedRun() throws {
    try DiskFullTests.finalCheckpointOnAFullDisk()
  }
}

/// Mounting a small tmpfs (root only).
enum TmpfsMount {
  static func mount(_ folder: String, kilobytes: Int) -> Bool {
    run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder]) == 0
  }

  static func unmount(_ folder: String) { _ = run("/bin/umount", [folder]) }

  static func run(_ tool: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  static let available: Bool = {
    guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else {
      return false
    }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("greenrate-mount-\(UUID().uuidString)").path
    guard
      (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true))
        != nil
    else { return false }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    guard mount(folder, kilobytes: 64) else { return false }
    unmount(folder)
    return true
  }()

  static func size(_ path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  }

}

extension DiskFullTests {
  static func finalCheckpointOnAFullDisk() throws {
    let w = try RescoreWorkspace()
    let input = try Hardening.miniCSV(w, count: 30_000)
    let arguments = { (db: String) in
      ["batch", Hardening.miniRules, input, "--db", db, "--jobs", "1", "--as-of", "2026-11-01"]
    }
    // A reference run, with a reader holding the database open so the WAL stays: how
    // much the WAL (W) and the checkpointed file (S) take.
    let reference = w.path("reference.sqlite")
    let holder = try Store(path: reference)
    _ = try holder.runs()
    let whole = try CLIProcess.run(arguments(reference))
    try #require(whole.status == 0, "\(whole)")
    let wal = TmpfsMount.size(reference + "-wal")
    let file = TmpfsMount.size(reference)
    try #require(wal > 0 && file > 0)

    // Room for the WAL and half the checkpoint.
    let mountPoint = w.path("small")
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    try #require(TmpfsMount.mount(mountPoint, kilobytes: (wal + file / 2) / 1024 + 64))
    defer { TmpfsMount.unmount(mountPoint) }
    let db = mountPoint + "/ratings.sqlite"
    let outcome = try CLIProcess.run(arguments(db))

    let stored = try Store(path: db, access: .readOnly).run(id: 1)
    #expect(stored?.status == .completed, "\(outcome)")
    #expect(outcome.status == 0, "\(outcome)")
    #expect(outcome.stdout.hasPrefix("run 1 completed"), "\(outcome)")
    #expect(!outcome.stderr.contains("--resume"), "\(outcome)")
    #expect(outcome.stderr.contains("note: the run is complete"), "\(outcome)")
    // Once there is room again (the files copied to a roomy folder), the stored run is
    // complete: nothing is left to resume.
    let roomy = w.path("roomy.sqlite")
    for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: db + suffix) {
      try FileManager.default.copyItem(atPath: db + suffix, toPath: roomy + suffix)
    }
    let resume = try CLIProcess.run(arguments(roomy) + ["--resume"])
    #expect(resume.status == 1 && resume.stderr.contains("nothing to resume"), "\(resume)")
  }
}
