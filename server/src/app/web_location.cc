#include "app/web_location.h"

#include <filesystem>
#include <system_error>

namespace tianshan {
namespace {

bool HoldsWebApp(const std::filesystem::path& dir) {
  std::error_code ec;
  return !dir.empty() && std::filesystem::is_regular_file(dir / "index.html", ec);
}

}  // namespace

std::optional<std::string> LocateWebApp(const std::string& configured, bool given_explicitly,
                                        const std::string& executable) {
  if (HoldsWebApp(configured)) return configured;
  if (given_explicitly) return std::nullopt;
  const std::filesystem::path bin_dir = std::filesystem::path(executable).parent_path();
  for (const auto& candidate : {bin_dir / ".." / "web" / "dist", bin_dir / ".." / "share" / "tianshan" / "web"}) {
    if (HoldsWebApp(candidate)) return candidate.lexically_normal().string();
  }
  return std::nullopt;
}

}  // namespace tianshan
