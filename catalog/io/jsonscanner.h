#pragma once

#include "catalog/io/jsonfields.h"

namespace pp {

// A strict JSON (RFC 8259) tokenizer that feeds the same events as nlohmann's SAX parser, for
// files of many megabytes: nlohmann's lexer copies every byte into a token buffer for its error
// messages, which makes it the larger part of loading a 1,000-rack plan. This one gives no error
// text: it returns false at the first byte that is not valid JSON (or when the handler returns
// false), and the caller re-parses with nlohmann to say where and why. Strings are checked as
// UTF-8 and \u escapes decoded as nlohmann does. Nesting is handled without recursion.
bool scanJson(const char *begin, const char *end, nlohmann::json_sax<Json> &handler);

} // namespace pp
