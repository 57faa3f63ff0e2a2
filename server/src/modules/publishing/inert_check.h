#pragma once
// Re-parses sanitized HTML with gumbo and reports the first thing in it that the allow-list does
// not allow: an element, an attribute, an unsafe href, an image that is not an upload, or an
// external link without rel="noopener nofollow ugc". "" when the output is inert. Used by the
// fuzz target (fuzz/sanitizer_fuzz.cc) and the XSS corpus test; no I/O, thread-safe.

#include <string>
#include <string_view>

namespace tianshan::publishing {

std::string FindNonInert(std::string_view sanitized_html);

}  // namespace tianshan::publishing
