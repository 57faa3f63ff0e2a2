#include "modules/publishing/html_sanitizer.h"

#include <gumbo.h>

#include <cstring>
#include <memory>
#include <optional>

namespace tianshan::publishing {
namespace {

// Gumbo allocates through these; nothing is freed until the arena goes, so the tree is never
// destroyed node by node (gumbo_destroy_output recurses once per nesting level).
class Arena {
 public:
  void* Alloc(size_t n) {
    n = (n + 15) & ~static_cast<size_t>(15);
    if (n == 0) n = 16;
    if (n > kBlock / 4) return blocks_.emplace_back(new char[n]).get();
    if (used_ + n > kBlock || current_ == nullptr) {
      current_ = blocks_.emplace_back(new char[kBlock]).get();
      used_ = 0;
    }
    void* p = current_ + used_;
    used_ += n;
    return p;
  }

 private:
  static constexpr size_t kBlock = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* current_ = nullptr;
  size_t used_ = 0;
};

void* ArenaAlloc(void* arena, size_t n) { return static_cast<Arena*>(arena)->Alloc(n); }
void ArenaFree(void*, void*) {}

enum class Action { kKeep, kUnwrap, kDrop };

struct TagRule {
  Action action = Action::kUnwrap;
  const char* out = nullptr;  // the element written for kKeep
};

TagRule RuleFor(const GumboNode& node) {
  if (node.type == GUMBO_NODE_TEMPLATE) return {Action::kDrop};
  const GumboElement& e = node.v.element;
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return {Action::kDrop};
  switch (e.tag) {
    case GUMBO_TAG_P:
      return {Action::kKeep, "p"};
    case GUMBO_TAG_BR:
      return {Action::kKeep, "br"};
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
      return {Action::kKeep, "h2"};
    case GUMBO_TAG_H3:
      return {Action::kKeep, "h3"};
    case GUMBO_TAG_H4:
      return {Action::kKeep, "h4"};
    case GUMBO_TAG_H5:
      return {Action::kKeep, "h5"};
    case GUMBO_TAG_H6:
      return {Action::kKeep, "h6"};
    case GUMBO_TAG_BLOCKQUOTE:
      return {Action::kKeep, "blockquote"};
    case GUMBO_TAG_PRE:
      return {Action::kKeep, "pre"};
    case GUMBO_TAG_CODE:
      return {Action::kKeep, "code"};
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
      return {Action::kKeep, "strong"};
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
      return {Action::kKeep, "em"};
    case GUMBO_TAG_U:
      return {Action::kKeep, "u"};
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_DEL:
      return {Action::kKeep, "s"};
    case GUMBO_TAG_SUB:
      return {Action::kKeep, "sub"};
    case GUMBO_TAG_SUP:
      return {Action::kKeep, "sup"};
    case GUMBO_TAG_UL:
      return {Action::kKeep, "ul"};
    case GUMBO_TAG_OL:
      return {Action::kKeep, "ol"};
    case GUMBO_TAG_LI:
      return {Action::kKeep, "li"};
    case GUMBO_TAG_A:
      return {Action::kKeep, "a"};
    case GUMBO_TAG_IMG:
      return {Action::kKeep, "img"};
    case GUMBO_TAG_HR:
      return {Action::kKeep, "hr"};
    case GUMBO_TAG_TABLE:
      return {Action::kKeep, "table"};
    case GUMBO_TAG_CAPTION:
      return {Action::kKeep, "caption"};
    case GUMBO_TAG_THEAD:
      return {Action::kKeep, "thead"};
    case GUMBO_TAG_TBODY:
      return {Action::kKeep, "tbody"};
    case GUMBO_TAG_TFOOT:
      return {Action::kKeep, "tfoot"};
    case GUMBO_TAG_TR:
      return {Action::kKeep, "tr"};
    case GUMBO_TAG_TH:
      return {Action::kKeep, "th"};
    case GUMBO_TAG_TD:
      return {Action::kKeep, "td"};
    case GUMBO_TAG_FIGURE:
      return {Action::kKeep, "figure"};
    case GUMBO_TAG_FIGCAPTION:
      return {Action::kKeep, "figcaption"};
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER:
      return {Action::kDrop};
    default:
      return {Action::kUnwrap};
  }
}

bool IsBlock(std::string_view out) {
  return out == "p" || out == "li" || out == "tr" || out == "blockquote" || out == "pre" || out == "figcaption" ||
         out == "caption" || out[0] == 'h';
}

std::string_view Trim(std::string_view s) {
  // Browsers strip leading and trailing C0 controls and spaces from URLs.
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Text decoded as a browser decodes UTF-8: each maximal invalid subsequence becomes one U+FFFD
// (WHATWG Encoding, "UTF-8 decode"). Applied to the input and again to every text and attribute
// value gumbo gives back: gumbo 0.10 turns an out-of-range numeric character reference such as
// "&#x69ccccccc3;" into one stray byte (0xC3), so output that a second parse read differently (a
// link 2,046 bytes long on the first pass became 2,050 on the second, over the limit).
std::string DecodeUtf8Lossy(std::string_view in) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    const auto b = static_cast<unsigned char>(in[i]);
    size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b < 0x80) {
      out += static_cast<char>(b);
      ++i;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      out += kReplacement;
      ++i;
      continue;
    }
    size_t j = i + 1;
    for (size_t k = 0; k < need; ++k, ++j) {
      if (j >= in.size()) break;
      const auto c = static_cast<unsigned char>(in[j]);
      if (c < lo || c > hi) break;
      lo = 0x80;
      hi = 0xBF;
    }
    if (j - i == need + 1) {
      out.append(in.substr(i, need + 1));
    } else {
      out += kReplacement;
    }
    i = j;
  }
  return out;
}

// The href as the sanitizer writes it, or nullopt when it is not an allowed link.
std::optional<std::string> CleanHref(std::string_view raw) {
  const std::string decoded = DecodeUtf8Lossy(raw);
  std::string_view t = Trim(decoded);
  std::string out;
  out.reserve(t.size());
  for (char c : t) {
    if (c == '\t' || c == '\n' || c == '\r') continue;  // browsers drop these inside URLs
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '\\') return std::nullopt;
    out += c;
  }
  if (out.empty() || out.size() > 2048) return std::nullopt;
  if (out.rfind("//", 0) == 0) return std::nullopt;  // another host without a scheme
  const size_t stop = out.find_first_of(":/?#");
  if (stop != std::string::npos && out[stop] == ':') {
    std::string_view scheme(out.data(), stop);
    if (!EqualsIgnoreCase(scheme, "http") && !EqualsIgnoreCase(scheme, "https")) return std::nullopt;
    std::string_view rest = std::string_view(out).substr(stop + 1);
    if (rest.size() < 3 || rest.substr(0, 2) != "//" || rest[2] == '/') return std::nullopt;
  }
  return out;
}

bool IsExternal(std::string_view href) { return href.find(':') != std::string_view::npos; }

bool SmallNumber(std::string_view v, size_t max_digits) {
  if (v.empty() || v.size() > max_digits) return false;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

class Writer {
 public:
  explicit Writer(SanitizedHtml& out) : out_(out) {}

  // Writes the start tag of a kept element; false when the element is left out after all
  // (an image that is not an upload, a link without an allowed href is unwrapped instead).
  enum class Start { kWritten, kUnwrap, kDrop };
  Start Open(std::string_view name, const GumboElement& e) {
    std::string attrs;
    if (name == "a") {
      std::optional<std::string> href;
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        if (std::strcmp(a->name, "href") == 0 && !href) href = CleanHref(a->value);
        if (std::strcmp(a->name, "title") == 0) Attr(attrs, "title", a->value, true);
      }
      if (!href) return Start::kUnwrap;
      out_.links.push_back(*href);
      Attr(attrs, "href", *href, false);
      if (IsExternal(*href)) attrs += " rel=\"noopener nofollow ugc\" target=\"_blank\"";
    } else if (name == "img") {
      std::string key;
      bool has_src = false;
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        if (std::strcmp(a->name, "src") == 0 && !has_src) {
          has_src = true;
          key = UploadKeyOf(a->value);
          if (key.empty()) out_.foreign_images.emplace_back(Trim(DecodeUtf8Lossy(a->value)));
        }
      }
      if (key.empty()) return Start::kDrop;
      out_.image_keys.push_back(key);
      Attr(attrs, "src", "/media/" + key, false);
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        if (std::strcmp(a->name, "alt") == 0 || std::strcmp(a->name, "title") == 0)
          Attr(attrs, a->name, a->value, true);
        if ((std::strcmp(a->name, "width") == 0 || std::strcmp(a->name, "height") == 0) && SmallNumber(a->value, 4)) {
          Attr(attrs, a->name, a->value, false);
        }
      }
    } else if (name == "td" || name == "th") {
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        if ((std::strcmp(a->name, "colspan") == 0 || std::strcmp(a->name, "rowspan") == 0) &&
            SmallNumber(a->value, 3)) {
          Attr(attrs, a->name, a->value, false);
        }
      }
    } else if (name == "ol") {
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        if (std::strcmp(a->name, "start") == 0 && SmallNumber(a->value, 6)) Attr(attrs, "start", a->value, false);
      }
    }
    out_.html += '<';
    out_.html += name;
    out_.html += attrs;
    out_.html += '>';
    return Start::kWritten;
  }

  void Close(std::string_view name) {
    if (name == "br" || name == "hr" || name == "img") {
      if (name == "br") out_.text += '\n';
      return;
    }
    out_.html += "</";
    out_.html += name;
    out_.html += '>';
    if (IsBlock(name)) out_.text += '\n';
  }

  void Text(std::string_view raw) {
    const std::string text = DecodeUtf8Lossy(raw);
    out_.html += EscapeHtml(text);
    out_.text += text;
  }

 private:
  void Attr(std::string& attrs, std::string_view name, std::string_view raw, bool is_text) {
    const std::string value = DecodeUtf8Lossy(raw);
    attrs += ' ';
    attrs += name;
    attrs += "=\"";
    attrs += EscapeHtml(value);
    attrs += '"';
    if (is_text) out_.texts.emplace_back(value);
  }

  SanitizedHtml& out_;
};

struct Frame {
  const GumboNode* node;
  unsigned next = 0;
  const char* close = nullptr;  // the kept element to close after the children
  int depth = 0;
};

const GumboNode* FindBody(const GumboNode* root) {
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& children = root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(children.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) return c;
  }
  return nullptr;
}

// A rebuilt body may be at most this many times the input limit (see the end of SanitizeHtml).
constexpr size_t kMaxGrowth = 4;

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\0':
        out += "\xEF\xBF\xBD";
        break;  // U+FFFD, as a browser would read it
      default:
        // Other control characters (from character references such as "&#x7;") are written as
        // U+FFFD too: the parser would turn them into it on reading the output again.
        if ((c > 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string UploadKeyOf(std::string_view src) {
  src = Trim(src);
  constexpr std::string_view kPrefix = "/media/";
  if (src.substr(0, kPrefix.size()) != kPrefix) return "";
  std::string_view key = src.substr(kPrefix.size());
  if (key.size() < 16 || key.size() > 64) return "";
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
      return "";
    }
  }
  return std::string(key);
}

bool IsSafeHref(std::string_view href) {
  auto clean = CleanHref(href);
  return clean && *clean == href;
}

bool IsAllowedElement(std::string_view n) {
  static constexpr std::string_view kAllowed[] = {
      "p",     "br",      "h2",    "h3",    "h4",    "h5", "h6", "blockquote", "pre",    "code",      "strong",
      "em",    "u",       "s",     "sub",   "sup",   "ul", "ol", "li",         "a",      "img",       "hr",
      "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",         "figure", "figcaption"};
  for (auto a : kAllowed) {
    if (a == n) return true;
  }
  return false;
}

bool IsAllowedAttribute(std::string_view element, std::string_view a) {
  if (element == "a") return a == "href" || a == "title" || a == "rel" || a == "target";
  if (element == "img") return a == "src" || a == "alt" || a == "title" || a == "width" || a == "height";
  if (element == "td" || element == "th") return a == "colspan" || a == "rowspan";
  if (element == "ol") return a == "start";
  return false;
}

Result<SanitizedHtml> SanitizeHtml(std::string_view input, const SanitizeLimits& limits, const std::string& field) {
  if (input.size() > limits.max_bytes) {
    return Status::Invalid(field, "publishing.body_too_large", std::to_string(limits.max_bytes / 1024));
  }
  const std::string decoded = DecodeUtf8Lossy(input);
  Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAlloc;
  options.deallocator = ArenaFree;
  options.userdata = &arena;
  options.max_errors = 0;
  GumboOutput* parsed = gumbo_parse_with_options(&options, decoded.data(), decoded.size());
  SanitizedHtml out;
  const GumboNode* body = FindBody(parsed ? parsed->root : nullptr);
  if (body == nullptr) return out;
  Writer writer(out);
  std::vector<Frame> stack;
  stack.push_back({body, 0, nullptr, 0});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next >= children.length) {
      if (f.close) writer.Close(f.close);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[f.next++]);
    const int depth = f.depth;
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        writer.Text(child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        if (depth + 1 > limits.max_depth) {
          return Status::Invalid(field, "publishing.body_too_deep", std::to_string(limits.max_depth));
        }
        TagRule rule = RuleFor(*child);
        if (rule.action == Action::kDrop) break;
        const char* close = nullptr;
        if (rule.action == Action::kKeep) {
          auto started = writer.Open(rule.out, child->v.element);
          if (started == Writer::Start::kDrop) break;
          if (started == Writer::Start::kWritten) close = rule.out;
        }
        stack.push_back({child, 0, close, depth + 1});  // invalidates f
        break;
      }
      default:  // comments, CDATA (only inside svg/math, dropped anyway), documents
        break;
    }
  }
  // The parser clones open formatting elements (a link with a long href) into every table cell
  // it reopens them in, so a small body can rebuild into a large one: bound what is stored.
  if (out.html.size() > limits.max_bytes * kMaxGrowth) {
    return Status::Invalid(field, "publishing.body_too_large", std::to_string(limits.max_bytes / 1024));
  }
  // A parser drops whitespace before the first element, so leading whitespace would not
  // survive a second pass: drop it now, so that sanitizing is idempotent.
  out.html.erase(0, std::min(out.html.size(), out.html.find_first_not_of(" \t\n\f\r")));
  return out;
}

}  // namespace tianshan::publishing
