#pragma once
// Internal to generate/: the "1+100" part of a generated network. About one cadre per 40
// organizations: the secretaries of every k-th committee (in id order) are in the cadres
// register with 100 active contacts among the people written just before them (every field of
// the platform's list), one offline activity and one online exchange with all of them and a
// face-to-face talk with every third, on the generation day, and two help requests (one open for
// 10 days, one resolved). "8+4": each is posted to the first branch of its subtree from the
// generation day for 120 days (a day's work logged), after a posting last autumn that every second
// cadre reported (and the host confirmed) and the others did not. The period day is the generation day, so
// verify-counters finds the maintained figures (cadres_cadres and the cadres.* counters) exact.

#include <cstdint>

#include "generate/generation.h"

namespace tianshan::generate {

inline constexpr int kContactsPerCadre = 100;
inline constexpr int64_t kOrganizationsPerCadre = 40;
inline constexpr int64_t kPostingDays = 120;

class CadresRows {
 public:
  explicit CadresRows(const OrgTree& tree);
  // Writes the period row (once, first).
  [[nodiscard]] Status WritePeriod(Generation& g);
  // Called for each committee's secretary as it is appointed, with the last person id written.
  void OnCommitteeSecretary(Generation& g, int64_t committee, int64_t person, int64_t last_person);
  int64_t cadres() const { return cadre_id_; }

 private:
  int64_t step_ = 1;
  int64_t seen_ = 0;
  int64_t cadre_id_ = 0, contact_id_ = 0, interaction_id_ = 0, help_id_ = 0, posting_id_ = 0, log_id_ = 0;
};

}  // namespace tianshan::generate
