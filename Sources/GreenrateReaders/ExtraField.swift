/// The raw value of a column or key that the rules do not declare but a caller asked
/// for (e.g. `expect_rating` in `greenrate test` case files).
///
/// CSV gives `.text` of the cell (or `.missing` for an empty cell or absent column);
/// JSON Lines gives the JSON value: strings, numbers, booleans, arrays of strings as
/// `.list`, null or absent as `.missing`, and any other value as `.text` of its JSON.
package enum ExtraField: Sendable, Hashable {
  case missing
  case text(String)
  case number(Double)
  case bool(Bool)
  case list([String])
}
