#include "kit/sheet.h"

namespace tianshan {

const tables::Cell& SheetRow::Get(std::string_view field) const {
  static const tables::Cell kEmpty;
  auto it = cells_.find(field);
  return it == cells_.end() ? kEmpty : it->second;
}

}  // namespace tianshan
