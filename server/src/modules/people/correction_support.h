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
  bool can_decide = false;    // the reader may approve or reject it now
};

// The reader may approve or reject `c` now: pending, and CanDecideCorrection, and not asked by them.
bool CanDecideNow(const auth::Actor& actor, const Correction& c);
// `can` ({approve, reject}) is written when given (answers), never in the audit log.
void WriteCorrection(JsonOut& out, const Correction& c, View view, std::optional<bool> can_decide = std::nullopt);
std::string CorrectionJson(const CorrectionView& c);
// Identity numbers masked.
std::string CorrectionAuditJson(const Correction& c);

}  // namespace tianshan::people
