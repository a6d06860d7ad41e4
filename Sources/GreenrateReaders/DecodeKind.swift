/// How a reader decodes one CSV column or JSON key, the same for both formats.
enum DecodeKind {
  case number
  case bool
  case date
  case text
  case set
  /// Not an input, only captured as an extra field.
  case extraOnly
}
