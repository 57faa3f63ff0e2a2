#pragma once
// Internal to generate/: streams the people of a generated network branch by branch (never
// holding them in memory): persons, memberships (about nine in ten are members; the others are
// youth), cadre positions (each branch's secretary; a secretary for every committee, chosen in
// its first branch), and, through VolunteeringRows, their volunteering.

#include <cstdint>
#include <string>
#include <vector>

#include "generate/cadres_rows.h"
#include "generate/generation.h"
#include "generate/volunteering_rows.h"

namespace tianshan::generate {

// The first generated people, for the benchmark accounts.
struct PersonSeed {
  int64_t person_id = 0;
  int64_t organization_id = 0;
  std::string name;
};

[[nodiscard]] Status WritePeople(Generation& g, VolunteeringRows& volunteering, CadresRows& cadres, size_t seeds_wanted,
                                 std::vector<PersonSeed>& seeds);

}  // namespace tianshan::generate
