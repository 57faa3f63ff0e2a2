#include "app/repair_counters.h"

#include "core/json.h"
#include "core/log.h"
#include "kit/context_over.h"
#include "modules/organizations/public/counter_repair.h"

namespace tianshan {
namespace {

// A database whose every transaction is `tx`, already open: the modules' recounts (which open
// their own read transactions) run inside the repair's write transaction and see its changes.
class InOpenTransaction : public storage::Database {
 public:
  InOpenTransaction(storage::Database& outer, storage::Transaction& tx) : outer_(outer), tx_(tx) {}
  storage::Dialect dialect() const override { return outer_.dialect(); }
  std::string describe() const override { return outer_.describe(); }
  Status BackupTo(const std::string&) override {
    return Status::Internal("error.internal").WithDetail("no backup inside a repair");
  }

 protected:
  Status RunOnce(storage::TxMode, const std::function<Status(storage::Transaction&)>& fn) override { return fn(tx_); }

 private:
  storage::Database& outer_;
  storage::Transaction& tx_;
};

std::string LinesJson(const std::vector<std::string>& lines, size_t at_most) {
  JsonOut out;
  out.StartObject().Field("differences", static_cast<int64_t>(lines.size())).Key("first").StartArray();
  for (size_t i = 0; i < lines.size() && i < at_most; ++i) out.String(lines[i]);
  out.EndArray().EndObject();
  return out.Take();
}

}  // namespace

Result<CounterRepairReport> RepairCounters(App& app) {
  AppContext& ctx = app.context();
  auto report = ctx.db.Write([&](storage::Transaction& tx) -> Result<CounterRepairReport> {
    InOpenTransaction db(ctx.db, tx);
    AppContext bound = ContextOver(ctx, db);
    auto recount = [&]() -> Result<std::vector<std::string>> {
      std::vector<std::string> differences;
      for (const auto& m : app.modules()) {
        if (!m.verify_counters) continue;
        TS_ASSIGN_OR_RETURN(auto d, m.verify_counters(bound));
        differences.insert(differences.end(), d.begin(), d.end());
      }
      return differences;
    };
    organizations::CounterRepair repair;  // records the corrections the recounts find
    CounterRepairReport r;
    TS_ASSIGN_OR_RETURN(r.found, recount());
    r.left = r.found;
    while (!repair.empty() && r.rounds < kMaxRepairRounds) {
      TS_ASSIGN_OR_RETURN(int64_t changed, organizations::ApplyCounterRepairs(tx, repair));
      ++r.rounds;
      r.changed += changed;
      repair.Clear();
      TS_ASSIGN_OR_RETURN(r.left, recount());
      if (changed == 0) break;
    }
    if (!r.found.empty()) {
      TS_RETURN_IF_ERROR(ctx.audit.Record(tx, audit::AuditEntry{.action = "counters.repair",
                                                                .entity_type = "counters",
                                                                .before_json = LinesJson(r.found, 200),
                                                                .after_json = LinesJson(r.left, 200),
                                                                .request_id = "cli:verify-counters --repair"}));
    }
    return r;
  });
  if (report.ok()) {
    AppLog().info("verify-counters --repair: {} difference(s) found, {} value(s) written in {} round(s), {} left",
                  report->found.size(), report->changed, report->rounds, report->left.size());
  }
  return report;
}

}  // namespace tianshan
