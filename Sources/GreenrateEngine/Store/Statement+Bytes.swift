import CSQLite

extension Statement {
  /// A column's bytes (text or blob) without copying: valid until the next `step` or
  /// `reset`. Empty for NULL.
  func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
    guard let base = sqlite3_column_blob(handle, column) else {
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
    return UnsafeRawBufferPointer(start: base, count: Int(sqlite3_column_bytes(handle, column)))
  }
}
