import Foundation
import GreenrateLanguage
import GreenrateStore
import GreenrateTestSupport
import Testing

@testable import GreenrateEngine

/// Rescore runs name their merchant (`runs.merchant_id`), and the freshest-record
/// queries probe only the batch runs and that merchant's own rescores.
@Suite struct StoreRescoreRunsTests {
  @Test func manyRescoresOfOthersChangeNoMerchantsFreshestRecord() throws {
    let folder = try BatchFixture.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("g.sqlite").path
    let program = try BatchFixture.program()
    let written = try RescoreRunsFixture.write(path: path, folder: folder, program: program)
    let store = try Store(path: path)
    #expect(
      try BatchFixture.rows(store.db, "SELECT count(*) FROM runs WHERE kind = 'rescore'")
        == ["207"])

    // Every rescore run names the merchant of the one row it holds; batch runs none.
    #expect(
      try BatchFixture.rows(
        store.db,
        """
        SELECT count(*) FROM runs AS u WHERE u.kind = 'rescore' AND u.merchant_id IS NOT
          coalesce((SELECT merchant_id FROM rating_rows WHERE run_id = u.run_id),
            (SELECT merchant_id FROM rejects WHERE run_id = u.run_id))
        """) == ["0"])
    #expect(
      try BatchFixture.rows(
        store.db, "SELECT count(*) FROM runs WHERE kind = 'batch' AND merchant_id IS NOT NULL")
        == ["0"])

    // The indexed queries find what probing every run found, for every merchant.
    #expect(try RescoreRunsFixture.answers(store) == RescoreRunsFixture.referenceAnswers(store.db))

    // And what that is, for some of them (night 3 stopped after M0000001...M0000040).
    let (night2, night3) = (written.nights[1], written.nights[2])
    let m1 = try #require(try store.latestRecord(merchantID: "M0000001"))
    #expect(m1.runID == written.rescores["M0000001"] && m1.sourceRun == night3)
    #expect(try store.latestRecord(merchantID: "M0000001", fromBatch: true)?.runID == night3)
    // Night 3 is fresher than the rescores that started from nights 1 and 2.
    #expect(try store.latestRecord(merchantID: "M0000002")?.runID == night3)
    #expect(try store.latestRecord(merchantID: "M0000005")?.runID == night3)
    #expect(try store.freshestSource(merchantID: "M0000005") == night3)
    // Rescored twice after night 2, past night 3's first chunk: the second rescore.
    let m50 = try #require(try store.latestRecord(merchantID: "M0000050"))
    #expect(try store.run(id: m50.runID)?.kind == .rescore && m50.sourceRun == night2)
    #expect(try store.latestRecord(merchantID: "M0000050", fromBatch: true)?.runID == night2)
    #expect(try store.latestRecord(merchantID: "M0000149")?.runID == night2)
    // Its night-2 record failed the rules again: the reject, fresher than its rescore.
    #expect(try store.latestRecord(merchantID: "M0000101")?.runID == night2)
    #expect(try store.freshestSource(merchantID: "M0000101") == night2)
    #expect(try store.latestRecord(merchantID: "nobody") == nil)
    #expect(try store.freshestSource(merchantID: "nobody") == nil)
  }
}
