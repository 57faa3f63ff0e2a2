#include "generate/scale.h"

#include <algorithm>
#include <charconv>

namespace tianshan::generate {

Result<GenerateSpec> ParseScale(std::string_view scale) {
  if (scale == "region") return GenerateSpec{"region", "基准自治区团委", 40'000, 2'000'000, 14, 100, 2'000};
  if (scale == "national") {
    return GenerateSpec{"national", "基准全国团委", 4'400'000, 75'000'000, 35, 3'000, 184'000};
  }
  int64_t n = 0;
  auto [end, ec] = std::from_chars(scale.data(), scale.data() + scale.size(), n);
  if (ec != std::errc() || end != scale.data() + scale.size() || n < kMinOrganizations || n > kMaxOrganizations) {
    return Status::Invalid("scale", "generate.bad_scale");
  }
  GenerateSpec spec{std::string(scale), "基准团委", n, 50 * n, 0, 0, 0};
  spec.provincial = std::clamp<int64_t>(n / 3'000, 2, 35);
  spec.local = std::max(spec.provincial, n / 400);
  spec.grass_roots = std::max(spec.local, n / 20);
  return spec;
}

}  // namespace tianshan::generate
