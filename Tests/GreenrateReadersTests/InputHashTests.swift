import Foundation
import Testing

@testable import GreenrateReaders

@Suite struct InputHashTests {
  static func digest(_ bytes: [UInt8], pieces: [Int]) -> String {
    var hash = InputHash()
    var offset = 0
    bytes.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      for piece in pieces + [bytes.count] {
        let end = min(bytes.count, offset + piece)
        hash.update(base + offset, count: end - offset)
        offset = end
      }
    }
    return hash.digest
  }

  @Test func theDigestDoesNotDependOnHowTheBytesArriveInPieces() {
    let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
    let whole = InputHashTests.digest(bytes, pieces: [])
    #expect(whole.count == 16)
    for pieces in [[1], [3, 5, 7], [8, 8, 8], [4095, 1, 2, 13], Array(repeating: 1, count: 100)] {
      #expect(InputHashTests.digest(bytes, pieces: pieces) == whole, "\(pieces)")
    }
  }

  @Test func anyOneChangedByteOrAnotherLengthChangesTheDigest() {
    let bytes = Array("M1000000,0,100000,ISO14001\nM1000001,1,100001,\n".utf8)
    let whole = InputHashTests.digest(bytes, pieces: [])
    for i in bytes.indices {
      var changed = bytes
      changed[i] ^= 0x01
      #expect(InputHashTests.digest(changed, pieces: []) != whole, "byte \(i)")
    }
    #expect(InputHashTests.digest(bytes + [0], pieces: []) != whole)
    #expect(InputHashTests.digest(Array(bytes.dropLast()), pieces: []) != whole)
    #expect(InputHashTests.digest([], pieces: []) != InputHashTests.digest([0], pieces: []))
  }
}
