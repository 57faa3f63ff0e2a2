#include "modules/publishing/site_pages.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <kainjow/mustache.hpp>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/json.h"
#include "modules/publishing/site_templates.h"

namespace tianshan::publishing {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

std::string Render(const char* text, const data& d) {
  mustache tmpl{std::string(text)};
  return tmpl.render(d);
}

std::string Date(int64_t millis) { return TodayInChina(millis); }

// The first `chars` characters of `text` with spaces collapsed (descriptions, summaries).
std::string Excerpt(std::string_view text, size_t chars) {
  std::string out;
  size_t n = 0;
  bool space = false;
  for (size_t i = 0; i < text.size() && n < chars;) {
    const auto b = static_cast<unsigned char>(text[i]);
    const size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
    if (b == ' ' || b == '\n' || b == '\t' || b == '\r') {
      space = !out.empty();
      ++i;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(text.substr(i, len));
    i += len;
    ++n;
  }
  if (n == chars) out += "…";
  return out;
}

std::string SummaryOf(const Article& a) {
  return a.fields.summary ? *a.fields.summary : Excerpt(a.fields.body_text, 80);
}

std::string SizeText(int64_t bytes) {
  char buf[32];
  if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1024 / 1024);
  }
  return buf;
}

std::string OrgPath(const SiteBase& b) { return "/site/" + std::to_string(b.org.id); }

data Nav(const SiteBase& b, std::optional<int64_t> current) {
  data list{data::type::list};
  for (const auto& c : b.columns) {
    if (c.parent_id != 0) continue;
    data item;
    item.set("id", std::to_string(c.id));
    item.set("name", c.name);
    item.set("current", current && (*current == c.id));
    list.push_back(item);
  }
  return list;
}

// The breadcrumb: the column trail, each linked to its column when it is public.
std::string Crumbs(const SiteBase& b, const std::vector<std::string>& trail, const Column* column, bool link_last) {
  data crumbs{data::type::list};
  std::vector<const Column*> chain;
  if (column) {
    chain.push_back(column);
    for (int guard = 0; chain.back()->parent_id != 0 && guard < 4; ++guard) {
      auto it = std::find_if(b.columns.begin(), b.columns.end(),
                             [&](const Column& c) { return c.id == chain.back()->parent_id; });
      if (it == b.columns.end()) break;
      chain.push_back(&*it);
    }
    std::reverse(chain.begin(), chain.end());
  }
  for (size_t i = 0; i < trail.size(); ++i) {
    data item;
    item.set("name", trail[i]);
    const bool last = i + 1 == trail.size();
    const bool linked = i < chain.size() && chain[i]->name == trail[i] && (!last || link_last);
    item.set("has_href", linked);
    if (linked) item.set("href", OrgPath(b) + "/columns/" + std::to_string(chain[i]->id));
    crumbs.push_back(item);
  }
  data d;
  d.set("org_id", std::to_string(b.org.id));
  d.set("crumbs", crumbs);
  return Render(templates::kCrumbs, d);
}

data Layout(const SiteBase& b, const std::string& base, const std::string& title, const std::string& description,
            const std::string& path, const std::string& feed) {
  data d;
  d.set("title", title);
  d.set("description", description);
  d.set("org_id", std::to_string(b.org.id));
  d.set("org_name", b.org.name);
  d.set("url", base + path);
  d.set("canonical", true);
  d.set("feed", feed);
  d.set("feed_title", b.org.name + " 最新文章");
  d.set("og_type", "website");
  d.set("has_image", false);
  d.set("published", false);
  d.set("q", "");
  return d;
}

int64_t Newest(const std::vector<Article>& articles) {
  int64_t newest = 0;
  for (const auto& a : articles) newest = std::max(newest, a.updated_at);
  return newest;
}

std::string ListQuery(const SiteList& list, int page) {
  std::string out = "?page=" + std::to_string(page);
  if (list.q) {
    std::string enc;
    for (unsigned char c : *list.q) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        enc += static_cast<char>(c);
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        enc += buf;
      }
    }
    out += "&q=" + enc;
  }
  return out;
}

}  // namespace

std::string HttpDate(int64_t millis) {
  std::time_t t = static_cast<std::time_t>(millis / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

SitePage RenderList(const SiteList& list, const std::string& base) {
  const SiteBase& b = list.base;
  std::string heading, path, feed, empty;
  if (list.column) {
    heading = list.column->name;
    path = OrgPath(b) + "/columns/" + std::to_string(list.column->id);
    feed = path + "/feed.atom";
    empty = "本栏目还没有文章。";
  } else if (list.q) {
    heading = "搜索：" + *list.q;
    path = OrgPath(b) + "/search";
    feed = OrgPath(b) + "/feed.atom";
    empty = "没有找到相关文章。";
  } else {
    heading = "最新文章";
    path = OrgPath(b);
    feed = path + "/feed.atom";
    empty = "还没有发布文章。";
  }
  data items{data::type::list};
  for (const auto& a : list.articles) {
    data item;
    item.set("href", OrgPath(b) + "/articles/" + std::to_string(a.id));
    item.set("title", a.fields.title);
    item.set("date", Date(a.published_at.value_or(a.created_at)));
    item.set("iso", FormatUtc(a.published_at.value_or(a.created_at)));
    const std::string summary = SummaryOf(a);
    item.set("has_summary", !summary.empty());
    item.set("summary", summary);
    items.push_back(item);
  }
  data children{data::type::list};
  bool has_children = false;
  if (list.column) {
    for (const auto& c : b.columns) {
      if (c.parent_id != list.column->id) continue;
      data child;
      child.set("id", std::to_string(c.id));
      child.set("name", c.name);
      children.push_back(child);
      has_children = true;
    }
  }
  const int pages = static_cast<int>(std::max<int64_t>(1, (list.total + list.per_page - 1) / list.per_page));
  data content;
  content.set("crumbs",
              list.column ? Crumbs(b, list.trail, &*list.column, false) : Crumbs(b, {heading}, nullptr, false));
  content.set("heading", heading);
  content.set("org_id", std::to_string(b.org.id));
  content.set("items", items);
  content.set("empty", empty);
  content.set("children", children);
  content.set("has_children", has_children);
  content.set("paged", pages > 1);
  content.set("page", std::to_string(list.page));
  content.set("pages", std::to_string(pages));
  content.set("has_prev", list.page > 1);
  content.set("prev", path + ListQuery(list, list.page - 1));
  content.set("has_next", list.page < pages);
  content.set("next", path + ListQuery(list, list.page + 1));
  data d = Layout(b, base, heading + " - " + b.org.name, b.org.name + " · " + heading,
                  path + (list.page > 1 ? ListQuery(list, list.page) : ""), feed);
  d.set("nav",
        Nav(b, list.column ? std::optional<int64_t>(list.column->parent_id ? list.column->parent_id : list.column->id)
                           : std::nullopt));
  if (list.q) d.set("q", *list.q);
  d.set("content", Render(templates::kList, content));
  SitePage page;
  page.body = Render(templates::kLayout, d);
  page.last_modified = Newest(list.articles);
  return page;
}

SitePage RenderHome(const SiteList& list, const std::string& base) { return RenderList(list, base); }

SitePage RenderArticle(const SiteArticle& s, const std::string& base) {
  const SiteBase& b = s.base;
  const Article& a = s.article;
  const std::string path = OrgPath(b) + "/articles/" + std::to_string(a.id);
  const Column* column = nullptr;
  for (const auto& c : b.columns) {
    if (c.id == a.column_id) column = &c;
  }
  data content;
  content.set("crumbs", Crumbs(b, s.trail, column, true));
  content.set("title", a.fields.title);
  SitePage page;
  page.last_modified = a.updated_at;
  std::string description = SummaryOf(a);
  if (a.status == status::kWithdrawn) {
    content.set("date", Date(a.withdrawn_at.value_or(a.updated_at)));
    content.set("reason", a.withdrawn_reason.value_or(""));
    page.status = 410;
    description = "本文已撤回";
  } else {
    const int64_t published = a.published_at.value_or(a.created_at);
    content.set("id", std::to_string(a.id));
    content.set("org_id", std::to_string(b.org.id));
    content.set("url", base + path);
    content.set("date", Date(published));
    content.set("iso", FormatUtc(published));
    content.set("has_subtitle", a.fields.subtitle.has_value());
    content.set("subtitle", a.fields.subtitle.value_or(""));
    content.set("has_source", a.fields.source.has_value());
    content.set("source", a.fields.source.value_or(""));
    content.set("has_source_url", a.fields.source_url.has_value());
    content.set("source_url", a.fields.source_url.value_or(""));
    content.set("has_author", a.fields.author.has_value());
    content.set("author", a.fields.author.value_or(""));
    content.set("has_editor", a.fields.editor.has_value());
    content.set("editor", a.fields.editor.value_or(""));
    content.set("views", std::to_string(a.view_count));
    content.set("has_cover", a.fields.cover_key.has_value());
    content.set("cover", "/media/" + a.fields.cover_key.value_or(""));
    content.set("body", a.fields.body_html);  // sanitized when saved
    data attachments{data::type::list};
    for (const auto& u : s.attachments) {
      data item;
      item.set("key", u.key);
      item.set("name", u.file_name);
      item.set("size", SizeText(u.size));
      attachments.push_back(item);
    }
    content.set("has_attachments", !s.attachments.empty());
    content.set("attachments", attachments);
    data tags{data::type::list};
    for (const auto& t : a.fields.tags) tags.push_back(data(t));
    content.set("has_tags", !a.fields.tags.empty());
    content.set("tags", tags);
  }
  data d = Layout(b, base, a.fields.title + " - " + s.home_org_name, description, path, OrgPath(b) + "/feed.atom");
  d.set("og_type", "article");
  if (a.fields.cover_key) {
    d.set("has_image", true);
    d.set("image", base + "/media/" + *a.fields.cover_key);
  }
  if (a.published_at && a.status == status::kPublished) d.set("published", FormatUtc(*a.published_at));
  d.set("nav",
        Nav(b, column ? std::optional<int64_t>(column->parent_id ? column->parent_id : column->id) : std::nullopt));
  d.set("content", Render(a.status == status::kWithdrawn ? templates::kWithdrawn : templates::kArticle, content));
  page.body = Render(templates::kLayout, d);
  return page;
}

SitePage RenderFeed(const SiteList& list, const std::string& base) {
  const SiteBase& b = list.base;
  std::string alternate = base + OrgPath(b), title = b.org.name;
  if (list.column) {
    alternate += "/columns/" + std::to_string(list.column->id);
    title += " · " + list.column->name;
  }
  data entries{data::type::list};
  for (const auto& a : list.articles) {
    data e;
    const int64_t published = a.published_at.value_or(a.created_at);
    e.set("title", a.fields.title);
    e.set("url", base + OrgPath(b) + "/articles/" + std::to_string(a.id));
    e.set("published", FormatUtc(published));
    e.set("updated", FormatUtc(std::max(published, a.updated_at)));
    e.set("has_author", a.fields.author.has_value());
    e.set("author", a.fields.author.value_or(""));
    e.set("summary", SummaryOf(a));
    e.set("body", a.fields.body_html);  // escaped by the template: Atom's type="html"
    entries.push_back(e);
  }
  const int64_t newest = Newest(list.articles);
  data d;
  d.set("title", title);
  d.set("org_name", b.org.name);
  d.set("alternate", alternate);
  d.set("self", alternate + "/feed.atom");
  d.set("updated", FormatUtc(newest));
  d.set("entries", entries);
  SitePage page;
  page.content_type = "application/atom+xml; charset=utf-8";
  page.body = Render(templates::kFeed, d);
  page.last_modified = newest;
  return page;
}

SitePage RenderNotFound() {
  SitePage page;
  page.status = 404;
  page.body = templates::kNotFound;
  return page;
}

const std::string& SiteCss() {
  static const std::string css = templates::kCss;
  return css;
}

}  // namespace tianshan::publishing
