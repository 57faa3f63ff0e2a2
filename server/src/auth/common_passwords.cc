#include "auth/common_passwords.h"

#include <fstream>
#include <memory>
#include <mutex>

namespace tianshan::auth {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80) != 0; }

std::mutex g_mutex;
std::shared_ptr<const CommonPasswords> g_current = std::make_shared<const CommonPasswords>();

}  // namespace

Result<CommonPasswords> CommonPasswords::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Unavailable("error.unavailable").WithDetail("cannot read the common password list " + path);
  CommonPasswords list;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("#!comment", 0) == 0) continue;
    list.words_.insert(Lower(line));
  }
  return list;
}

bool CommonPasswords::IsCommon(std::string_view password) const {
  if (words_.empty()) return false;
  const std::string lower = Lower(password);
  if (words_.contains(lower)) return true;
  // The letters in the middle, without the digits and symbols before and after them.
  size_t begin = 0, end = lower.size();
  while (begin < end && !IsLetter(lower[begin])) ++begin;
  while (end > begin && !IsLetter(lower[end - 1])) --end;
  if (end - begin < 4 || (begin == 0 && end == lower.size())) return false;
  return words_.contains(lower.substr(begin, end - begin));
}

std::shared_ptr<const CommonPasswords> CommonPasswords::Current() {
  std::lock_guard lock(g_mutex);
  return g_current;
}

void CommonPasswords::Install(CommonPasswords list) {
  std::lock_guard lock(g_mutex);
  g_current = std::make_shared<const CommonPasswords>(std::move(list));
}

}  // namespace tianshan::auth
