#pragma once
// The public site's HTML and Atom, rendered from Mustache templates (kainjow-mustache) that
// escape every value by default; the one unescaped value is an article's body, which the
// sanitizer rebuilt when it was saved. Pages carry OpenGraph tags and a share QR code, load one
// stylesheet from the site and no script (the routes send a Content-Security-Policy without
// script-src). Pure functions of their input; thread-safe.

#include <cstdint>
#include <string>

#include "modules/publishing/site.h"

namespace tianshan::publishing {

struct SitePage {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  int64_t last_modified = 0;  // epoch ms of the newest thing shown
};

// `base` is the absolute origin of the site ("https://tianshan.example") for OpenGraph URLs,
// feeds and QR codes.
SitePage RenderHome(const SiteList& list, const std::string& base);
SitePage RenderList(const SiteList& list, const std::string& base);  // a column or a search
SitePage RenderArticle(const SiteArticle& article, const std::string& base);
SitePage RenderFeed(const SiteList& list, const std::string& base);
SitePage RenderNotFound();
const std::string& SiteCss();

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate).
std::string HttpDate(int64_t millis);

}  // namespace tianshan::publishing
