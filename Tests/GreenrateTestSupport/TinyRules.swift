/// The rule file of the in-process rescorer tests and of the runtime-error rescore test:
/// `per_staff` divides by `staff`, so `staff = 0` fails at run time.
package let tinyRules = """
  ruleset "tiny" version "1"
  input id: text key
  input revenue: number
  input staff: number?
  input since: date?
  input tags: set
  let per_staff = revenue / (staff ?? 1)
  factor size {
    when per_staff >= 100 => 10
    else => 0 reason "SMALL"
  }
  factor tagged {
    when "GREEN" in tags => 5
    else => 0 reason "UNTAGGED"
  }
  rating {
    when score >= 10 => "big"
    else => "small"
  }
  eligibility {
    deny "SMALL" when rating == "small"
  }

  """
