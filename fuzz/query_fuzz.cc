// libFuzzer target for query strings and URL decoding: http/url.h PercentDecode, PercentEncode
// and ParseQueryString, and http/edge.h QueryReader over the parsed fields. Contract:
// decode∘encode is the identity on valid UTF-8 without NUL (and refuses anything else); a query
// that parses, written back with PercentEncode, parses to the same pairs; a decoded value is
// always valid UTF-8 without NUL; QueryReader's typed readers give only values within their
// bounds and Finish() is a 422 exactly when one of them recorded an error; http/search_header.h
// SearchHeader, with the input as the header's value, gives a trimmed term within its bound or
// an error, and refuses a query that has the term's field.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json.h"
#include "fuzz/fuzz_check.h"
#include "http/edge.h"
#include "http/search_header.h"
#include "http/url.h"

using namespace tianshan;
using namespace tianshan::http;

namespace {
constexpr const char* kTarget = "query_fuzz";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const bool clean = IsValidUtf8(in) && in.find('\0') == std::string_view::npos;

  // decode(encode(x)) == x, for both decoding rules (encoded text has no '+').
  std::string encoded = PercentEncode(in);
  FUZZ_CHECK(kTarget,
             encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~%") ==
                 std::string::npos,
             encoded);
  for (bool plus : {false, true}) {
    auto decoded = PercentDecode(encoded, plus);
    FUZZ_CHECK(kTarget, decoded.has_value() == clean, in);
    if (decoded) FUZZ_CHECK(kTarget, *decoded == in, in);
  }
  for (bool plus : {false, true}) {
    if (auto d = PercentDecode(in, plus)) {
      FUZZ_CHECK(kTarget, IsValidUtf8(*d) && d->find('\0') == std::string::npos, in);
      FUZZ_CHECK(kTarget, d->size() <= in.size(), in);
    }
  }

  auto pairs = ParseQueryString(in);
  if (!pairs) return 0;
  std::string rewritten;
  for (const auto& [k, v] : *pairs) {
    FUZZ_CHECK(kTarget, IsValidUtf8(k) && IsValidUtf8(v), in);
    rewritten += (rewritten.empty() ? "" : "&") + PercentEncode(k) + "=" + PercentEncode(v);
  }
  auto again = ParseQueryString(rewritten);
  FUZZ_CHECK(kTarget, again.has_value(), rewritten);
  // An empty key with an empty value ("&=&") is kept as a pair, so the count is the same.
  FUZZ_CHECK(kTarget, *again == *pairs, rewritten);

  // The typed readers on whatever fields the query has: each pair is read once by a reader
  // chosen from its position.
  HttpRequest req;
  req.raw_query = std::string(in);
  req.query = *pairs;
  QueryReader q(req);
  bool expect_error = false;
  for (size_t i = 0; i < pairs->size() && i < 16; ++i) {
    const std::string& name = (*pairs)[i].first;
    auto first = req.Query(name);  // the reader sees the first pair of a repeated name
    switch (i % 8) {
      case 0: {
        auto t = q.Text(name.c_str(), 10);
        if (t) FUZZ_CHECK(kTarget, !t->empty() && Utf8Length(*t) <= 10, *t);
        if (!t && first && first->find_first_not_of(" \t\r\n") != std::string::npos) expect_error = true;
        break;
      }
      case 1: {
        auto v = q.OneOf(name.c_str(), {"a", "b"});
        if (!v && first) expect_error = true;
        break;
      }
      case 2: {
        auto b = q.Bool(name.c_str());
        if (!b && first) expect_error = true;
        break;
      }
      case 3: {
        auto id = q.Id(name.c_str(), true);
        if (id)
          FUZZ_CHECK(kTarget, *id >= 1, *first);
        else
          expect_error = true;
        break;
      }
      case 4: {
        auto v = q.Int(name.c_str(), -5, 5);
        if (v)
          FUZZ_CHECK(kTarget, *v >= -5 && *v <= 5, *first);
        else if (first)
          expect_error = true;
        break;
      }
      case 5: {
        int limit = q.Limit(20, 50);
        FUZZ_CHECK(kTarget, limit >= 1 && limit <= 50, in);
        break;
      }
      case 6: {
        auto c = q.Cursor();
        if (c) FUZZ_CHECK(kTarget, !c->empty(), in);
        break;
      }
      default: {
        auto c = q.IdCursor();
        if (c) FUZZ_CHECK(kTarget, *c >= 1, in);
      }
    }
  }
  // The search term's header with the input as its value (http/search_header.h): a term is
  // trimmed UTF-8 text without NUL within its bound, read only when the query has no q; a
  // non-blank value that gives no term, or a q in the query, is a 422.
  {
    HttpRequest searched = req;
    searched.headers.emplace_back("x-search-query", std::string(in));
    QueryReader sq(searched);
    auto term = SearchHeader(searched, sq, "q", kSearchQueryHeader, 10);
    const Status read = sq.Finish();
    const bool in_url = searched.Query("q").has_value();
    if (term) {
      FUZZ_CHECK(kTarget, !in_url && read.ok(), in);
      FUZZ_CHECK(kTarget, IsValidUtf8(*term) && term->find('\0') == std::string::npos, *term);
      FUZZ_CHECK(kTarget, !term->empty() && Utf8Length(*term) <= 10, *term);
      FUZZ_CHECK(kTarget, std::string_view(" \t\r\n").find(term->front()) == std::string_view::npos, *term);
      FUZZ_CHECK(kTarget, std::string_view(" \t\r\n").find(term->back()) == std::string_view::npos, *term);
    } else if (in_url || in.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      // A value that decodes to blanks only ("%20") is no term and no error.
      auto decoded = PercentDecode(in, false);
      if (in_url || !decoded || decoded->find_first_not_of(" \t\r\n") != std::string::npos)
        FUZZ_CHECK(kTarget, !read.ok() && read.code() == StatusCode::kInvalid, in);
    }
  }

  Status finished = q.Finish();
  if (expect_error) FUZZ_CHECK(kTarget, !finished.ok(), in);
  if (!finished.ok()) FUZZ_CHECK(kTarget, finished.code() == StatusCode::kInvalid, in);
  return 0;
}
