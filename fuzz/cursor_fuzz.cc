// libFuzzer target for keyset pagination: http/pagination.h ParsePageRequest and ParseIdCursor,
// and the next_cursor text (http/edge.h IdCursorText). The input is a query string. Contract:
// a limit that is accepted is within 1..max; a cursor that parses re-serializes to text that
// parses to the same id, and to the very same text when it was written canonically (no
// leading zeros); refusals are 422 naming "limit" or "cursor".
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "http/pagination.h"
#include "http/url.h"

using namespace tianshan;
using namespace tianshan::http;

namespace {
constexpr const char* kTarget = "cursor_fuzz";

void CheckRefusal(const Status& s, const char* field, std::string_view in) {
  FUZZ_CHECK(kTarget, s.code() == StatusCode::kInvalid, in);
  FUZZ_CHECK(kTarget, s.field_errors().size() == 1 && s.field_errors()[0].field == field, in);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);

  // The raw input as a cursor.
  std::string raw(in);
  auto id = ParseIdCursor(raw);
  if (!id.ok()) {
    CheckRefusal(id.status(), "cursor", in);
  } else {
    FUZZ_CHECK(kTarget, id->has_value() && **id >= 1, in);
    auto text = IdCursorText(*id);
    FUZZ_CHECK(kTarget, text.has_value(), in);
    auto back = ParseIdCursor(text);
    FUZZ_CHECK(kTarget, back.ok() && *back == *id, *text);
    if (raw[0] != '0') FUZZ_CHECK(kTarget, *text == raw, raw);
  }
  FUZZ_CHECK(kTarget, !IdCursorText(std::nullopt), in);
  auto none = ParseIdCursor(std::nullopt);
  FUZZ_CHECK(kTarget, none.ok() && !none->has_value(), in);

  // The input as a query string with ?limit= and ?cursor=.
  auto pairs = ParseQueryString(in);
  if (!pairs) return 0;
  HttpRequest req;
  req.query = *pairs;
  auto page = ParsePageRequest(req, 20, 100);
  if (!page.ok()) {
    CheckRefusal(page.status(), "limit", in);
    return 0;
  }
  FUZZ_CHECK(kTarget, page->limit >= 1 && page->limit <= 100, in);
  if (!req.Query("limit")) FUZZ_CHECK(kTarget, page->limit == 20, in);
  if (page->cursor) {
    FUZZ_CHECK(kTarget, !page->cursor->empty() && page->cursor == req.Query("cursor"), in);
    auto c = ParseIdCursor(page->cursor);
    if (c.ok()) {
      FUZZ_CHECK(kTarget, ParseIdCursor(IdCursorText(*c)).ok(), in);
    } else {
      CheckRefusal(c.status(), "cursor", in);
    }
  }
  return 0;
}
