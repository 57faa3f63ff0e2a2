#pragma once
// Internal to generate/: the state shared by the steps of one generation run, and the tables
// it writes (registered parents first, so one commit never writes a row before the row its
// foreign key points at).

#include <cstdint>
#include <string>
#include <vector>

#include "generate/counter_tally.h"
#include "generate/org_tree.h"
#include "generate/progress.h"
#include "generate/scale.h"
#include "storage/bulk_writer.h"

namespace tianshan::generate {

struct Tables {
  using T = storage::BulkWriter::Table;
  T organizations, coverage_units, teams, projects, shifts, persons, memberships, positions, team_members, volunteers,
      signups, attendance, ledger, org_person_totals, person_months, team_months, accounts, grants, cadres_period,
      cadres_cadres, cadres_contacts, cadres_interactions, cadres_interaction_contacts, cadres_help_requests,
      cadres_postings, cadres_posting_logs, counters;
};
Tables AddTables(storage::BulkWriter& writer);

// Tables with an identity `id` column (their sequences move past the generated ids).
const std::vector<std::string>& IdentityTables();
// The large tables whose secondary indexes are built after loading (BulkWriter::DeferIndexes).
const std::vector<std::string>& DeferredIndexTables();

struct Generation {
  const GenerateSpec& spec;
  uint64_t seed;
  const OrgTree& tree;
  storage::BulkWriter& writer;
  Tables tables;
  CounterTally& tally;
  Progress& progress;
  // People per organization id (only branches have people).
  std::vector<int32_t> people_count;
};

// Decides how many people each branch has (about spec.people in all, unevenly spread).
std::vector<int32_t> PlanPeople(const GenerateSpec& spec, const OrgTree& tree, uint64_t seed);

// Writes the organizations and their coverage units.
[[nodiscard]] Status WriteOrganizations(Generation& g);

}  // namespace tianshan::generate
