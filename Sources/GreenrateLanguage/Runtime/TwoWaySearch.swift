/// Substring search in linear time and constant space: Crochemore and Perrin's two-way
/// algorithm (1991), as in Charras and Lecroq's *Handbook of Exact String Matching*.
///
/// A naive search compares up to |needle| bytes at each of |haystack| positions, which a
/// hostile record (a 160,000-byte text of `a`s searched for `aaa…ab`) turns into billions
/// of comparisons. Two-way compares at most 2·|haystack| bytes after an O(|needle|)
/// preparation, whatever the input.
enum TwoWaySearch {
  /// Whether `needle` occurs in `haystack` (the empty needle occurs everywhere).
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    firstIndex(of: needle, in: haystack) != nil
  }

  /// The byte offset of the first occurrence of `needle` in `haystack`, or nil.
  static func firstIndex(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    let m = needle.count
    let n = haystack.count
    if m == 0 { return 0 }
    if m > n { return nil }
    if m == 1 { return haystack.firstIndex(of: needle[0]) }
    let x = needle
    let y = haystack
    // The critical factorisation x = x[0...ell] x[ell+1..<m], from the larger of the two
    // maximal suffixes (for the byte order and its reverse).
    let (i, p) = maximalSuffix(x, reversed: false)
    let (j, q) = maximalSuffix(x, reversed: true)
    let ell: Int
    var period: Int
    if i > j {
      ell = i
      period = p
    } else {
      ell = j
      period = q
    }
    // The period of the right part never exceeds its length, so ell + 1 + period <= m.
    var periodic = ell + 1 + period <= m
    var k = 0
    while periodic && k <= ell {
      periodic = x[k] == x[k + period]
      k += 1
    }
    var shift = 0
    if periodic {
      // The needle has period `period`: remember how much of its left part the last
      // shift already matched, so no byte is compared twice.
      var memory = -1
      while shift <= n - m {
        var k = max(ell, memory) + 1
        while k < m && x[k] == y[k + shift] { k += 1 }
        if k >= m {
          k = ell
          while k > memory && x[k] == y[k + shift] { k -= 1 }
          if k <= memory { return shift }
          shift += period
          memory = m - period - 1
        } else {
          shift += k - ell
          memory = -1
        }
      }
    } else {
      period = max(ell + 1, m - ell - 1) + 1
      while shift <= n - m {
        var k = ell + 1
        while k < m && x[k] == y[k + shift] { k += 1 }
        if k >= m {
          k = ell
          while k >= 0 && x[k] == y[k + shift] { k -= 1 }
          if k < 0 { return shift }
          shift += period
        } else {
          shift += k - ell
        }
      }
    }
    return nil
  }

  /// The start (minus one) and period of the maximal suffix of `x` for the byte order,
  /// or for its reverse.
  private static func maximalSuffix(_ x: UnsafeBufferPointer<UInt8>, reversed: Bool) -> (
    Int, Int
  ) {
    var ms = -1
    var j = 0
    var k = 1
    var p = 1
    while j + k < x.count {
      let a = x[j + k]
      let b = x[ms + k]
      if reversed ? a > b : a < b {
        j += k
        k = 1
        p = j - ms
      } else if a == b {
        if k != p {
          k += 1
        } else {
          j += p
          k = 1
        }
      } else {
        ms = j
        j = ms + 1
        k = 1
        p = 1
      }
    }
    return (ms, p)
  }
}
