#pragma once
// Steps shared by the correction use cases: JSON (identity numbers masked for readers who may
// not see them in full) and audit shapes.

#include "core/json.h"
#include "modules/people/correction_repository.h"
#include "modules/people/use_case_support.h"

namespace tianshan::people {

struct CorrectionView {
  Correction correction;
  View view = View::kMasked;  // what the reader sees of the person's identifiers
};

void WriteCorrection(JsonOut& out, const Correction& c, View view);
std::string CorrectionJson(const CorrectionView& c);
// Identity numbers masked.
std::string CorrectionAuditJson(const Correction& c);

}  // namespace tianshan::people
