#include "generate/generate_network.h"

#include <chrono>
#include <cinttypes>

#include "auth/password_hasher.h"
#include "generate/cadres_rows.h"
#include "generate/counter_tally.h"
#include "generate/generation.h"
#include "generate/org_tree.h"
#include "generate/people_rows.h"
#include "generate/synthetic.h"
#include "generate/volunteering_rows.h"

namespace tianshan::generate {
namespace {

using SteadyClock = std::chrono::steady_clock;

Result<int64_t> Scalar(storage::Database& db, const char* sql) {
  return db.Read([&](storage::Transaction& tx) -> Result<int64_t> {
    TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(sql));
    return row ? row->Int(0) : 0;
  });
}

// The benchmark accounts, one per seed, after any accounts the database already holds.
Status WriteAccounts(Generation& g, const std::vector<PersonSeed>& seeds, const std::string& password_hash,
                     int64_t account_base, int64_t grant_base) {
  for (size_t i = 0; i < seeds.size(); ++i) {
    const PersonSeed& s = seeds[i];
    char login[32];
    std::snprintf(login, sizeof login, "bench-youth-%06" PRId64, s.person_id);
    const int64_t account = account_base + static_cast<int64_t>(i) + 1;
    g.writer.Begin(g.tables.accounts).Int(account).Text(login).Null().Text(s.name).Text(password_hash);
    // is_demo = 1: a public password, so `serve` warns about them like the demo accounts.
    g.writer.Int(s.person_id).Text("active").Int(1).Int(kEpochMillis).Int(kEpochMillis);
    g.writer.Begin(g.tables.grants).Int(grant_base + static_cast<int64_t>(i) + 1).Int(account).Int(s.organization_id);
    g.writer.Text("youth").Int(kEpochMillis);
    TS_RETURN_IF_ERROR(g.writer.FlushIfFull());
  }
  return Status::Ok();
}

}  // namespace

std::string GenerateSummary::Line() const {
  char head[128];
  std::snprintf(head, sizeof head, " rows in %.1f s (", seconds);
  std::string out = "generated " + Grouped(total_rows) + head +
                    Grouped(static_cast<int64_t>(static_cast<double>(total_rows) / std::max(seconds, 1e-3))) +
                    " rows/s):";
  for (const auto& t : tables) out += " " + t.table + "=" + Grouped(t.rows);
  return out;
}

Result<GenerateSummary> GenerateNetwork(storage::Database& db, const GenerateOptions& options) {
  const auto start = SteadyClock::now();
  TS_ASSIGN_OR_RETURN(GenerateSpec spec, ParseScale(options.scale));
  TS_ASSIGN_OR_RETURN(int64_t existing, Scalar(db, "SELECT COUNT(*) FROM organizations_organizations"));
  if (existing > 0) return Status::Conflict("generate.not_empty");
  // Committed before the first row, removed once the network is whole: a run killed midway
  // leaves a database that `serve` and `verify-counters` refuse (storage/bulk_writer.h).
  TS_RETURN_IF_ERROR(storage::BeginLoad(db, kLoadName));
  TS_ASSIGN_OR_RETURN(int64_t account_base, Scalar(db, "SELECT COALESCE(MAX(id), 0) FROM auth_accounts"));
  TS_ASSIGN_OR_RETURN(int64_t grant_base, Scalar(db, "SELECT COALESCE(MAX(id), 0) FROM auth_grants"));

  // One Argon2id hash (fast cost) shared by every benchmark account.
  auth::PasswordHasher hasher(1, 1, auth::HashCost::kFast);
  TS_ASSIGN_OR_RETURN(std::string password_hash, hasher.HashNow(kBenchPassword));

  Progress progress(options.progress);
  const OrgTree tree = BuildOrgTree(spec, options.seed);
  CounterTally tally(tree);
  storage::BulkWriter writer(db, options.bulk);
  Generation g{
      spec, options.seed, tree, writer, AddTables(writer), tally, progress, PlanPeople(spec, tree, options.seed)};

  VolunteeringRows volunteering;
  CadresRows cadres(tree);
  Status written = [&]() -> Status {
    for (const auto& table : DeferredIndexTables()) TS_RETURN_IF_ERROR(writer.DeferIndexes(table));
    TS_RETURN_IF_ERROR(WriteOrganizations(g));
    TS_RETURN_IF_ERROR(volunteering.WritePlan(g));
    TS_RETURN_IF_ERROR(cadres.WritePeriod(g));
    std::vector<PersonSeed> seeds;
    TS_RETURN_IF_ERROR(WritePeople(g, volunteering, cadres, static_cast<size_t>(kBenchAccounts), seeds));
    TS_RETURN_IF_ERROR(WriteAccounts(g, seeds, password_hash, account_base, grant_base));
    TS_RETURN_IF_ERROR(tally.Write(writer, g.tables.counters, progress));
    TS_RETURN_IF_ERROR(writer.Flush());
    progress.Finish("counters", tree.size());
    return Status::Ok();
  }();
  // The secondary indexes come back even after a failure, as far as the database allows.
  const auto indexes_start = SteadyClock::now();
  Status indexed = writer.RestoreIndexes();
  TS_RETURN_IF_ERROR(written);
  TS_RETURN_IF_ERROR(indexed);
  char index_line[96];
  std::snprintf(index_line, sizeof index_line, "secondary indexes of the people and organizations: built in %.1f s",
                std::chrono::duration<double>(SteadyClock::now() - indexes_start).count());
  progress.Line(index_line);
  for (const auto& table : IdentityTables()) TS_RETURN_IF_ERROR(writer.ResetIdSequence(table));
  TS_RETURN_IF_ERROR(storage::EndLoad(db, kLoadName));
  for (size_t t = 0; t < writer.table_count(); ++t) TS_RETURN_IF_ERROR(writer.Analyze(writer.name(t)));

  GenerateSummary summary;
  summary.storm_shift_id = volunteering.storm_shift_id();
  for (size_t t = 0; t < writer.table_count(); ++t) {
    summary.tables.push_back({writer.name(t), writer.written(t), writer.seconds(t)});
    summary.total_rows += writer.written(t);
  }
  summary.seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
  for (const auto& t : summary.tables) {
    char rate[96];
    std::snprintf(rate, sizeof rate, " rows in %.1f s (%s rows/s)", t.seconds,
                  Grouped(static_cast<int64_t>(static_cast<double>(t.rows) / std::max(t.seconds, 1e-3))).c_str());
    progress.Line(t.table + ": " + Grouped(t.rows) + rate);
  }
  return summary;
}

}  // namespace tianshan::generate
