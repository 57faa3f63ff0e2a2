#pragma once
// The server is the boundary for injected markup: every HTML body an editor sends is parsed with
// a real HTML5 parser (gumbo, the same tree a browser builds) and rebuilt from an allow-list.
//
// Kept: p, br, h2–h6 (h1 becomes h2: the page's h1 is the title), blockquote, pre, code, strong
// (b), em (i), u, s (strike, del), sub, sup, ul, ol, li, a, img, hr, table, caption, thead,
// tbody, tfoot, tr, th, td, figure, figcaption. Attributes: a[href, title], img[src, alt, title,
// width, height], th/td[colspan, rowspan], ol[start]; nothing else (no style, class, id, on*).
// Dropped with their content: script, style, template, iframe, object, embed, svg, math (any
// element outside the HTML namespace), form controls, media and the like. Other elements are
// unwrapped (their text stays). Comments are dropped. Text and attribute values are re-escaped.
// URLs: links only http:, https: or relative (no "//host", no backslash, no control
// characters); external links get rel="noopener nofollow ugc" and target="_blank". Images only
// from the platform's own uploads ("/media/KEY"); others are dropped and listed, so that the use
// case can refuse them by name.
//
// Thread-safe (no shared state). Memory: the parse tree lives in an arena freed at once, so a
// deep tree is never walked recursively (gumbo's own destructor recurses).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tianshan::publishing {

struct SanitizeLimits {
  size_t max_bytes = 512 * 1024;  // input, before parsing
  int max_depth = 48;             // element nesting inside the body
};

struct SanitizedHtml {
  std::string html;                         // the rebuilt body
  std::string text;                         // its visible text (search, summaries, feeds)
  std::vector<std::string> links;           // every href kept
  std::vector<std::string> texts;           // alt and title values kept (the link policy reads them)
  std::vector<std::string> image_keys;      // upload keys of the images kept
  std::vector<std::string> foreign_images;  // src of images that are not the platform's uploads
};

// Invalid on field `field` when the input is larger than `max_bytes` or rebuilds into more than
// four times `max_bytes` ("publishing.body_too_large"), or nests deeper than `max_depth`
// ("publishing.body_too_deep"). The output is always valid UTF-8: the input is decoded as a
// browser does, each invalid sequence read as U+FFFD.
Result<SanitizedHtml> SanitizeHtml(std::string_view input, const SanitizeLimits& limits = {},
                                   const std::string& field = "body");

// The upload key of an image src the platform serves ("/media/KEY"), or "" when it is not one.
std::string UploadKeyOf(std::string_view src);

// True when the element name (lower case) may appear in sanitized output; for the fuzz target
// and the corpus test, which re-parse the output and check it.
bool IsAllowedElement(std::string_view name);
bool IsAllowedAttribute(std::string_view element, std::string_view attribute);
// True when `href` is a link the sanitizer keeps (http, https or relative).
bool IsSafeHref(std::string_view href);

// Escapes text for HTML element content and attribute values (& < > " ').
std::string EscapeHtml(std::string_view text);

}  // namespace tianshan::publishing
