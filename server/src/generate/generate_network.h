#pragma once
// `tianshan generate`: writes a deterministic synthetic network into an empty, migrated
// database through the bulk paths (storage/bulk_writer.h): the organization tree with
// coverage units, people with memberships and cadre positions, volunteer teams, projects,
// shifts, sign-ups, attendance and hours, the benchmark accounts, and every maintained counter
// (so `tianshan verify-counters` reports no difference).
//
// Same scale and seed → the same rows, ids included, on either database: all randomness comes
// from the seed and all times from a fixed epoch (generate/synthetic.h), never from the clock.
// The one exception is the benchmark accounts' password hash, whose Argon2id salt is random.
//
// Contract with the benchmark scripts (bench/):
//   logins bench-youth-000001 … bench-youth-020000 (fewer when there are fewer people); the
//   account with number k is linked to person id k and holds the role youth on that person's
//   organization; the password of all of them is "tianshan-bench".
//   A recruiting public project at the root with one shift of capacity 1,000 starting ten
//   years after the epoch ("storm" shift; GenerateSummary::storm_shift_id).
//
// Secondary indexes of the organizations and people tables are dropped while loading and built
// afterwards (also after a failure, as far as possible; after a kill, by the next migration).
//
// Killed midway: the rows are written in many commits, so a killed run leaves part of a network
// and no counters. A marker (storage::BeginLoad, name kLoadName) is committed before the first
// row and removed only after the last step; while it is there `serve` and `verify-counters`
// refuse the database, naming the interrupted run (it must be recreated: a fresh SQLite file or
// PostgreSQL schema, then generate again).
//
// Failures: Conflict "generate.not_empty" when organizations exist already (nothing written);
// any storage error stops the run, leaving the rows of the commits made so far and the marker.

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/result.h"
#include "generate/scale.h"
#include "storage/bulk_writer.h"
#include "storage/database.h"

namespace tianshan::generate {

inline constexpr std::string_view kBenchPassword = "tianshan-bench";
inline constexpr int64_t kBenchAccounts = 20'000;
inline constexpr std::string_view kLoadName = "generate";

struct GenerateOptions {
  std::string scale = "region";  // region | national | a number of organizations
  uint64_t seed = 7;
  std::FILE* progress = stderr;  // nullptr: quiet
  storage::BulkOptions bulk;
};

struct TableRows {
  std::string table;
  int64_t rows = 0;
  double seconds = 0;  // time spent writing this table's rows
};

struct GenerateSummary {
  int64_t storm_shift_id = 0;
  std::vector<TableRows> tables;
  int64_t total_rows = 0;
  double seconds = 0;  // the whole run
  // "generated 2,345,678 rows in 61.2 s (38,000 rows/s): organizations_organizations=40,000 …"
  std::string Line() const;
};

Result<GenerateSummary> GenerateNetwork(storage::Database& db, const GenerateOptions& options);

}  // namespace tianshan::generate
