// The fixed tables behind generated merchants: industries, provinces and cities, name parts.

extension MerchantSampler {
  /// How an industry class is treated by environmental policy.
  enum IndustryKind {
    case green, twoHigh, heavyPolluting, other
  }

  /// An industry class (GB/T 4754-2017) and how much energy its firms typically use.
  struct Industry {
    let code: [UInt8]
    let section: UInt8
    let kind: IndustryKind
    /// Typical electricity per CNY of revenue, kWh.
    let kwhPerCNY: Double
    /// Typical natural gas (m3) and diesel (L) per CNY of revenue for firms that burn any.
    let gasPerCNY: Double
    let dieselPerCNY: Double
  }

  /// A province, its share of merchants and a few of its cities (English, Chinese).
  struct Province {
    let name: [UInt8]
    let cities: [(english: [UInt8], chinese: [UInt8])]
  }

  /// Classes with weights per thousand merchants: ~45% F, ~20% H, ~10% C, ~10% O, the
  /// rest spread (domain notes).
  static let industryWeights: [(code: String, weight: Double)] = [
    ("F5124", 30), ("F5137", 20), ("F5211", 40), ("F5212", 70), ("F5221", 90), ("F5225", 30),
    ("F5232", 60), ("F5261", 25), ("F5251", 20), ("F5292", 65),
    ("H6110", 10), ("H6121", 25), ("H6210", 80), ("H6220", 50), ("H6231", 15), ("H6241", 20),
    ("C1371", 8), ("C1469", 9), ("C1810", 14), ("C2110", 9), ("C2319", 9), ("C2929", 9),
    ("C3484", 7), ("C3982", 8), ("C4210", 5), ("C1713", 6), ("C1910", 3), ("C2231", 2),
    ("C3360", 4), ("C2614", 2), ("C3021", 3), ("C3120", 1), ("C3240", 1),
    ("O8010", 15), ("O8040", 15), ("O8051", 30), ("O8111", 20), ("O8131", 10), ("O8290", 10),
    ("G5430", 25), ("G6020", 15), ("I6510", 12), ("I6421", 8), ("L7281", 10), ("L7121", 5),
    ("M7320", 5), ("M7491", 5), ("P8391", 10), ("Q8421", 8), ("R9011", 5), ("E4813", 5),
    ("E5010", 5), ("A0141", 8), ("A0311", 4), ("N7723", 4), ("N7820", 2), ("K7020", 6),
    ("J6620", 2), ("D4411", 1), ("D4416", 2), ("D4415", 1), ("D4430", 1), ("B1011", 1),
  ]

  static let industries: [Industry] = industryWeights.map { industry(code: $0.code) }
  static let industryCumulative: [Double] = cumulative(industryWeights.map(\.weight))

  /// Energy profile by class: tuned so that the typical firm of a section sits near the
  /// section's benchmark intensity in Rules/sme-green.rules (grid factor ~0.55).
  private static func industry(code: String) -> Industry {
    let bytes = Array(code.utf8)
    let division = String(code.prefix(3))
    let kind: IndustryKind
    if ["N77", "C42", "O81"].contains(division) || ["D4415", "D4416", "D4417"].contains(code) {
      kind = .green
    } else if ["C25", "C26", "C30", "C31", "C32", "D44"].contains(division) {
      kind = .twoHigh
    } else if ["C17", "C19", "C22", "C33"].contains(division) {
      kind = .heavyPolluting
    } else {
      kind = .other
    }
    let section = bytes[0]
    var kwh: Double
    var gas = 0.0005
    var diesel = 0.002
    switch Character(Unicode.Scalar(section)) {
    case "F": kwh = code == "F5292" ? 0.007 : 0.015
    case "H":
      kwh = 0.045
      gas = 0.007
    case "C": kwh = 0.06
    case "O": kwh = 0.025
    case "G":
      kwh = 0.005
      diesel = 0.035
    case "I": kwh = 0.008
    case "A":
      kwh = 0.03
      diesel = 0.02
    case "B", "E":
      kwh = 0.02
      diesel = 0.01
    case "D": kwh = 0.25
    case "N": kwh = 0.03
    default: kwh = 0.012
    }
    switch kind {
    case .twoHigh:
      kwh = 0.3
      gas = 0.01
    case .heavyPolluting: kwh = 0.12
    case .green where section == UInt8(ascii: "D"): kwh = 0.02
    default: break
    }
    return Industry(
      code: bytes, section: section, kind: kind, kwhPerCNY: kwh, gasPerCNY: gas,
      dieselPerCNY: diesel)
  }

  /// Provinces with weights roughly like their share of small merchants.
  static let provinceWeights: [(name: String, weight: Double, cities: [(String, String)])] = [
    ("Guangdong", 11, [("Guangzhou", "广州"), ("Shenzhen", "深圳"), ("Dongguan", "东莞")]),
    ("Zhejiang", 8, [("Hangzhou", "杭州"), ("Ningbo", "宁波"), ("Yiwu", "义乌")]),
    ("Jiangsu", 8, [("Nanjing", "南京"), ("Suzhou", "苏州"), ("Wuxi", "无锡")]),
    ("Shandong", 7, [("Jinan", "济南"), ("Qingdao", "青岛"), ("Linyi", "临沂")]),
    ("Henan", 6, [("Zhengzhou", "郑州"), ("Luoyang", "洛阳")]),
    ("Sichuan", 5, [("Chengdu", "成都"), ("Mianyang", "绵阳")]),
    ("Hebei", 4.5, [("Shijiazhuang", "石家庄"), ("Baoding", "保定")]),
    ("Hubei", 4, [("Wuhan", "武汉"), ("Yichang", "宜昌")]),
    ("Hunan", 4, [("Changsha", "长沙"), ("Zhuzhou", "株洲")]),
    ("Fujian", 4, [("Fuzhou", "福州"), ("Xiamen", "厦门"), ("Quanzhou", "泉州")]),
    ("Anhui", 3.5, [("Hefei", "合肥"), ("Wuhu", "芜湖")]),
    ("Shanghai", 3, [("Shanghai", "上海")]),
    ("Beijing", 3, [("Beijing", "北京")]),
    ("Liaoning", 2.5, [("Shenyang", "沈阳"), ("Dalian", "大连")]),
    ("Jiangxi", 2.5, [("Nanchang", "南昌"), ("Ganzhou", "赣州")]),
    ("Shaanxi", 2.5, [("Xi'an", "西安"), ("Baoji", "宝鸡")]),
    ("Chongqing", 2.5, [("Chongqing", "重庆")]),
    ("Guangxi", 2.5, [("Nanning", "南宁"), ("Guilin", "桂林")]),
    ("Yunnan", 2.5, [("Kunming", "昆明"), ("Dali", "大理")]),
    ("Shanxi", 2, [("Taiyuan", "太原"), ("Datong", "大同")]),
    ("Guizhou", 2, [("Guiyang", "贵阳"), ("Zunyi", "遵义")]),
    ("Tianjin", 1.5, [("Tianjin", "天津")]),
    ("Inner Mongolia", 1.5, [("Hohhot", "呼和浩特"), ("Baotou", "包头")]),
    ("Heilongjiang", 1.5, [("Harbin", "哈尔滨"), ("Daqing", "大庆")]),
    ("Jilin", 1.2, [("Changchun", "长春"), ("Jilin", "吉林")]),
    ("Xinjiang", 1.2, [("Urumqi", "乌鲁木齐"), ("Kashgar", "喀什")]),
    ("Gansu", 1, [("Lanzhou", "兰州"), ("Tianshui", "天水")]),
    ("Hainan", 0.8, [("Haikou", "海口"), ("Sanya", "三亚")]),
    ("Ningxia", 0.4, [("Yinchuan", "银川")]),
    ("Qinghai", 0.3, [("Xining", "西宁")]),
    ("Tibet", 0.2, [("Lhasa", "拉萨")]),
  ]

  static let provinces: [Province] = provinceWeights.map { entry in
    Province(
      name: Array(entry.name.utf8),
      cities: entry.cities.map { (Array($0.0.utf8), Array($0.1.utf8)) })
  }
  static let provinceCumulative: [Double] = cumulative(provinceWeights.map(\.weight))

  /// Name parts: a trade name, then a word for the kind of business by section.
  static let tradeNames: [[UInt8]] = [
    "Golden Leaf", "Green Bamboo", "Lucky Star", "Spring River", "Red Lantern", "Jade",
    "Sunrise", "Harmony", "Silver Moon", "Peach Blossom", "East Wind", "Evergreen",
    "Happy Family", "Big Tree", "Blue Sky", "Morning Dew",
  ].map { Array($0.utf8) }
  static let tradeNamesChinese: [[UInt8]] = [
    "金叶", "绿竹", "福星", "春江", "红灯笼", "翠玉", "旭日", "和顺", "银月", "桃花", "东风",
    "常青", "好家", "大树", "蓝天", "晨露",
  ].map { Array($0.utf8) }

  /// The business word for a section letter, in English and Chinese.
  static func businessWords(section: UInt8) -> (english: [[UInt8]], chinese: [[UInt8]]) {
    switch section {
    case UInt8(ascii: "F"): return (fWords, fWordsChinese)
    case UInt8(ascii: "H"): return (hWords, hWordsChinese)
    case UInt8(ascii: "C"): return (cWords, cWordsChinese)
    case UInt8(ascii: "O"): return (oWords, oWordsChinese)
    case UInt8(ascii: "G"): return (gWords, gWordsChinese)
    default: return (otherWords, otherWordsChinese)
    }
  }

  private static let fWords = bytes(["Grocery", "Mart", "Store", "Trading", "Fresh Market"])
  private static let fWordsChinese = bytes(["便利店", "超市", "商行", "百货"])
  private static let hWords = bytes(["Restaurant", "Noodle House", "Hotpot", "Cafe", "Inn"])
  private static let hWordsChinese = bytes(["饭店", "面馆", "火锅店", "茶餐厅", "客栈"])
  private static let cWords = bytes(["Workshop", "Manufacturing", "Textiles", "Works"])
  private static let cWordsChinese = bytes(["加工厂", "制造厂", "纺织厂", "作坊"])
  private static let oWords = bytes(["Repair", "Salon", "Laundry", "Home Services"])
  private static let oWordsChinese = bytes(["维修店", "美发店", "洗衣店", "家政"])
  private static let gWords = bytes(["Logistics", "Freight", "Express"])
  private static let gWordsChinese = bytes(["物流", "货运", "快递"])
  private static let otherWords = bytes(["Services", "Studio", "Consulting", "Center"])
  private static let otherWordsChinese = bytes(["服务部", "工作室", "咨询", "中心"])

  /// Certifications and the chance a certified merchant holds each.
  static let certificationOdds: [(code: [UInt8], p: Double)] = [
    ("ISO9001", 0.40), ("ISO14001", 0.35), ("CEL", 0.20), ("ENERGY_SAVING", 0.10),
    ("LOW_CARBON", 0.08), ("ISO50001", 0.05), ("GREEN_FACTORY", 0.03),
  ].map { (Array($0.0.utf8), $0.1) }

  static let permitValues: [[UInt8]] = bytes([
    "not_required", "registration", "simplified", "key", "missing",
  ])

  private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

  private static func cumulative(_ weights: [Double]) -> [Double] {
    var total = 0.0
    var sums: [Double] = []
    for w in weights {
      total += w
      sums.append(total)
    }
    return sums.map { $0 / total }
  }
}
