// The search layer's part of the library schema: version 3 (the full-text index) and the FTS5 tokenizer every
// connection needs. Every program that opens a library calls registerSearchSchema() once before it does
// (dubao, dubao-cli, the tests and benchmarks): the store does not link the search layer (core/store/schema.h).
#pragma once

namespace dubao {

/// Registers schema step 3 and the tokenizer set-up with the store. Thread-safe; calling it again does nothing.
void registerSearchSchema();

} // namespace dubao
