#include "core/messages.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>

namespace tianshan {
namespace {

struct Catalogue {
  std::mutex mutex;
  std::unordered_map<std::string, MessageText> texts;
};

Catalogue& GetCatalogue() {
  static Catalogue* catalogue = [] {
    auto* c = new Catalogue;
    const std::vector<MessageText> base = {
        {"error.not_found", "未找到", "Not found"},
        {"error.forbidden", "无权执行此操作", "You are not allowed to do this"},
        {"error.unauthorized", "请先登录", "Please log in"},
        {"error.validation", "提交的数据有误", "The submitted data is invalid"},
        {"error.internal", "服务器内部错误", "Internal server error"},
        {"error.unavailable", "服务暂时不可用", "Service temporarily unavailable"},
        {"error.overloaded", "服务器繁忙，请稍后重试", "The server is busy, try again shortly"},
        {"error.conflict", "与现有数据冲突", "Conflicts with existing data"},
        {"error.bad_request", "请求格式错误", "Malformed request"},
        {"error.too_many_requests", "请求过于频繁，请稍后再试", "Too many requests, try again later"},
        {"error.payload_too_large", "请求体过大（上限 {} 字节）", "Request body too large (limit {} bytes)"},
        {"error.unsupported_media_type", "请求体必须是 JSON（application/json）",
         "Request body must be JSON (application/json)"},
        {"error.csrf", "缺少或错误的 CSRF 令牌", "Missing or wrong CSRF token"},
        {"error.route_not_found", "没有这个接口", "No such endpoint"},
        {"error.method_not_allowed", "该接口不支持此方法", "Method not allowed on this endpoint"},
        {"json.malformed", "JSON 格式错误：{}", "Malformed JSON: {}"},
        {"json.invalid_utf8", "文本不是有效的 UTF-8", "Text is not valid UTF-8"},
        {"json.not_object", "请求体必须是 JSON 对象", "Request body must be a JSON object"},
        {"json.too_deep", "JSON 嵌套超过 {} 层", "JSON is nested deeper than {} levels"},
        {"json.number_out_of_range", "数值超出可表示的范围", "A number is too large or too small to be stored"},
        {"field.required", "必填", "Required"},
        {"field.unknown", "未知字段", "Unknown field"},
        {"field.must_be_string", "必须是字符串", "Must be a string"},
        {"field.must_be_integer", "必须是整数", "Must be an integer"},
        {"field.must_be_boolean", "必须是布尔值", "Must be true or false"},
        {"field.must_be_array", "必须是数组", "Must be an array"},
        {"field.must_be_object", "必须是对象", "Must be an object"},
        {"field.too_long", "不能超过 {} 个字符", "At most {} characters"},
        {"field.too_short", "至少 {} 个字符", "At least {} characters"},
        {"field.empty", "不能为空", "Must not be empty"},
        {"field.out_of_range", "超出允许范围", "Out of the allowed range"},
        {"field.not_one_of", "必须是以下之一：{}", "Must be one of: {}"},
        {"field.duplicate", "字段重复出现", "This field appears more than once"},
        {"field.bad_date", "日期格式应为 YYYY-MM-DD 且真实存在", "Dates are written YYYY-MM-DD and must exist"},
        {"field.too_many", "最多 {} 项", "At most {} items"},
        {"path.bad_id", "路径中的编号无效", "The id in the path is not a valid number"},
        {"query.bad_limit", "limit 必须是 1 到 {} 之间的整数", "limit must be an integer from 1 to {}"},
        {"query.bad_cursor", "分页游标无效", "Invalid pagination cursor"},
        // Search terms kept out of URLs (http/search_header.h).
        {"query.search_not_in_url", "搜索词不放在网址中（可能是姓名、身份证号或手机号），请用请求头 {} 发送",
         "The search term does not go in the URL (it may be a name, an identity number or a phone number): send "
         "it in the {} header"},
        {"query.bad_search_header", "请求头 {} 应为百分号编码的 UTF-8 文本",
         "The {} header is percent-encoded UTF-8 text"},
        // Spreadsheet cells (core/tables/cell_values.h).
        {"cell.identity_as_number",
         "身份证号码被存成了数字（{}）：Excel 只保留 15 位有效数字，后几位已丢失。请把该列设为“文本”格式后重新填写",
         "The identity number was stored as a number ({}): Excel keeps only 15 significant digits, so the last "
         "digits are lost. Format the column as text and type the numbers again"},
        {"cell.phone_as_number", "手机号码被存成了科学计数法的数字（{}），请把该列设为“文本”格式后重新填写",
         "The phone number was stored as a number in scientific notation ({}); format the column as text and type "
         "it again"},
        {"cell.bad_date", "无法识别日期“{}”，请写成 1990-01-02 这样的格式",
         "Cannot read the date \"{}\"; write it like 1990-01-02"},
    };
    for (const auto& m : base) c->texts.emplace(m.key, m);
    return c;
  }();
  return *catalogue;
}

}  // namespace

void RegisterMessages(const std::vector<MessageText>& messages) {
  auto& c = GetCatalogue();
  std::lock_guard lock(c.mutex);
  for (const auto& m : messages) c.texts.insert_or_assign(m.key, m);
}

Lang ParseAcceptLanguage(std::string_view header) {
  // The first language tag wins; anything starting with "en" selects English.
  size_t i = 0;
  while (i < header.size() && std::isspace(static_cast<unsigned char>(header[i]))) ++i;
  if (header.size() - i >= 2 && std::tolower(static_cast<unsigned char>(header[i])) == 'e' &&
      std::tolower(static_cast<unsigned char>(header[i + 1])) == 'n') {
    return Lang::kEn;
  }
  return Lang::kZh;
}

std::string_view LangTag(Lang lang) { return lang == Lang::kEn ? "en" : "zh-CN"; }

std::string Translate(Lang lang, std::string_view key, std::string_view param) {
  auto& c = GetCatalogue();
  std::string text;
  {
    std::lock_guard lock(c.mutex);
    auto it = c.texts.find(std::string(key));
    text = it == c.texts.end() ? std::string(key) : (lang == Lang::kEn ? it->second.en : it->second.zh);
  }
  if (auto pos = text.find("{}"); pos != std::string::npos) text.replace(pos, 2, param);
  return text;
}

std::string TranslateNamed(Lang lang, std::string_view key,
                           const std::vector<std::pair<std::string, std::string>>& params) {
  std::string text = Translate(lang, key);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        std::string_view name(text.data() + i + 1, close - i - 1);
        auto it = std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.first == name; });
        if (it != params.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace tianshan
