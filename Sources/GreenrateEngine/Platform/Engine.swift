// The engine target: record readers, the scoring pipeline and the SQLite store.
