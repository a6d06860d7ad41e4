import GreenrateGenerator

/// The shipped `SampleData/merchants.csv`, made again in memory by the recipe of
/// `scripts/make-sample-data`: 5,000 generated merchants (seed 2026, as of
/// 2026-11-01) with nine hand-written rows mixed in (seven bad, two awkward but valid).
/// Generating it costs a few milliseconds and keeps 680 kB of text out of the binary;
/// a test checks it against the shipped file byte for byte.
enum EmbeddedSample {
  static let name = "merchants.csv"

  /// After which generated data row each hand-written row goes (the order of the
  /// script's `rows` calls).
  static let inserts: [(after: Int, lines: [String])] = [
    (
      400,
      [
        "M09000001,Suzhou Silver Moon Mart,F5212,Jiangsu,Suzhou,2015-04-12,6,about 800k,21000,,,,false,0.92,0.95,true,0.40,0,,not_required,,0,0,false"
      ]
    ),
    (
      1100,
      [
        "M09000002,Chengdu Red Lantern Hotpot,H6210,Sichuan,Chengdu,2023-02-30,12,1450000,52000,,9800,,,0.88,0.97,true,0.55,0,,registration,,0,0,false"
      ]
    ),
    (
      1800,
      [
        "M00000042,Wuxi Jade Store,F5232,Jiangsu,Wuxi,2012-09-01,3,640000,9000,0.00,,,false,0.95,0.93,false,0.70,0,,not_required,,0,0,false"
      ]
    ),
    (
      2500,
      [
        "M09000004,\"Lucky Star Noodles, Branch 2",
        "(West Lake)\",H6220,Zhejiang,Hangzhou,2019-05-20,8,980000,34000,0.25,7200,,false,0.97,0.99,true,0.80,0,,registration,CEL,0,0,false",
      ]
    ),
    (
      3000,
      [
        "M09000005,Qingdao Blue Sky Freight,G5430,Shandong,Qingdao,2011-03-15,22,4200000,15000,,,160000,false,0.90,0.96,,,0,,,,0,0,false"
      ]
    ),
    (
      3600,
      [
        "M09000006,Harbin Big Tree Salon,O8051,Heilongjiang,Harbin,2018-07-07,2,310000,5200,,,,,0.10,0.90,false,0.20,0,,not_required,,0,0"
      ]
    ),
    (
      4200,
      [
        "M09000007,Xiamen Evergreen Trading,F5124,Fujian,Xiamen,2016-11-11,5,2300000,18000,,,,false,0.99,0.98,true,0.60,0,,not_required,,0,0,maybe",
        "M09000008,\"The \"\"Green\"\" Corner Grocery\",F5221,Guangdong,Shenzhen,2014-02-28,4,720000,11000,0.00,,,true,0.93,0.96,true,0.65,0,,not_required,ISO14001,0,0,false",
      ]
    ),
    (
      4700,
      [
        ",Hefei Sunrise Cafe,H6220,Anhui,Hefei,2017-06-30,3,520000,,,,,,0.80,0.91,true,,0,,not_required,,0,,false"
      ]
    ),
  ]

  /// The file's bytes.
  static func bytes() -> [UInt8] {
    let generated = MerchantGenerator(seed: 2026, format: .csv).bytes(count: 5000)
    // Line starts: no generated record spans lines, so line i + 1 is data row i.
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    for (i, byte) in generated.enumerated() where byte == 0x0A {
      lines.append(generated[start...i])
      start = i + 1
    }
    if start < generated.count { lines.append(generated[start...]) }
    var out: [UInt8] = []
    out.reserveCapacity(generated.count + 2048)
    out += lines[0]
    var next = 1
    for insert in inserts {
      while next <= insert.after && next < lines.count {
        out += lines[next]
        next += 1
      }
      for line in insert.lines { out += Array((line + "\n").utf8) }
    }
    while next < lines.count {
      out += lines[next]
      next += 1
    }
    return out
  }
}
