#include "modules/publishing/link_policy.h"

#include <algorithm>

namespace tianshan::publishing {
namespace {

// Domains of gambling and redirect sites seen injected into official pages. Matched as a whole
// domain or a subdomain of it.
constexpr std::string_view kDeniedDomains[] = {
    "365.com",  "bet365.com", "365bet.com",   "188bet.com",    "12bet.com",       "w88.com",    "dafabet.com",
    "vwin.com", "m88.com",    "sbobet.com",   "1xbet.com",     "melbet.com",      "betway.com", "hg0088.com",
    "88hg.com", "ag.com",     "pinnacle.com", "betvictor.com", "williamhill.com", "5197.com",   "js333.com",
    "vns.com",  "vip8.com",   "amjs.com",     "lv0088.com",
};

// Phrases (after normalization: lower case, no spaces) that only spam pages use.
constexpr std::string_view kDeniedPhrases[] = {
    "线路检测", "线路测试", "备用线路", "备用网址", "最新网址", "永久网址", "真人娱乐",     "娱乐城",       "百家乐",
    "六合彩",   "时时彩",   "北京赛车", "老虎机",   "体育投注", "皇冠体育", "澳门威尼斯人", "澳门新葡京",   "新葡京",
    "注册送",   "开户送",   "彩金",     "网上赌场", "在线赌场", "bet365",   "365bet",       "网络赌博平台",
};

struct Normalized {
  std::string text;            // lower-case ASCII and UTF-8, without ignorable characters
  std::vector<size_t> origin;  // byte offset in the original of each byte of `text`
  std::vector<size_t> end;     // byte offset in the original just after each byte's character
};

// Decodes one UTF-8 code point at `i`; invalid bytes read as themselves (one byte).
char32_t Decode(std::string_view s, size_t i, size_t& len) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
  if (b < 0x80) {
    len = 1;
    return b;
  }
  if ((b & 0xE0) == 0xC0 && cont(1)) {
    len = 2;
    return ((b & 0x1F) << 6) | (s[i + 1] & 0x3F);
  }
  if ((b & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    len = 3;
    return ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
  }
  if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    len = 4;
    return ((b & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
  }
  len = 1;
  return 0xFFFD;
}

void Encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool Ignorable(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x00A0 || c == 0x00AD || c == 0x3000 ||
         (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || (c >= 0x202A && c <= 0x202E);
}

char32_t Fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;                            // full-width ASCII
  if (c == 0x3002 || c == 0xFF61 || c == 0x2024 || c == 0xFE52) c = '.';  // 。｡․﹒
  if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  return c;
}

Normalized Normalize(std::string_view s) {
  Normalized n;
  n.text.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = Fold(Decode(s, i, len));
    if (!Ignorable(c)) {
      const size_t before = n.text.size();
      Encode(c, n.text);
      for (size_t k = before; k < n.text.size(); ++k) {
        n.origin.push_back(i);
        n.end.push_back(i + len);
      }
    }
    i += len;
  }
  return n;
}

bool DomainChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

struct Range {
  size_t begin, end;  // in the normalized text
};

void FindAll(const std::string& text, std::string_view needle, bool domain, std::vector<Range>& out) {
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    const size_t after = pos + needle.size();
    if (domain) {
      if (pos > 0 && DomainChar(text[pos - 1])) continue;
      if (after < text.size() && DomainChar(text[after])) continue;
    }
    out.push_back({pos, after});
  }
}

}  // namespace

std::optional<std::string> FindDeniedText(std::string_view original) {
  if (original.empty()) return std::nullopt;
  const Normalized n = Normalize(original);
  std::vector<Range> hits;
  for (auto d : kDeniedDomains) FindAll(n.text, d, true, hits);
  for (auto p : kDeniedPhrases) FindAll(n.text, p, false, hits);
  if (hits.empty()) return std::nullopt;
  std::sort(hits.begin(), hits.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
  // The first run of touching or overlapping matches, as the original text.
  Range run = hits.front();
  for (size_t i = 1; i < hits.size() && hits[i].begin <= run.end; ++i) run.end = std::max(run.end, hits[i].end);
  const size_t from = n.origin[run.begin], to = n.end[run.end - 1];
  return std::string(original.substr(from, to - from));
}

std::vector<LinkPolicyError> CheckFields(const std::vector<CheckedField>& fields) {
  std::vector<LinkPolicyError> errors;
  for (const auto& f : fields) {
    if (auto bad = FindDeniedText(f.text)) {
      const bool seen = std::any_of(errors.begin(), errors.end(), [&](const auto& e) { return e.field == f.field; });
      if (!seen) errors.push_back({f.field, *bad});
    }
  }
  return errors;
}

}  // namespace tianshan::publishing
