#include "modules/cadres/postings/demo_postings.h"

#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/postings/posting_support.h"
#include "modules/people/public/facts.h"

namespace tianshan::cadres {

Status LoadDemoPostings(storage::Transaction& tx, AppContext& ctx, DemoContext& demo) {
  auto street = demo.organization_ids.find("天山街道团工委");
  if (street == demo.organization_ids.end() || ctx.organizations == nullptr) return Status::Ok();
  TS_ASSIGN_OR_RETURN(auto positions, people::OpenPositionsAt(tx, street->second));
  if (positions.empty()) return Status::Ok();
  const int64_t now = ctx.clock.NowMillis();
  const std::string today = Today(ctx);
  TS_ASSIGN_OR_RETURN(Cadre cadre, EnrollPerson(tx, ctx, positions.front().person_id, "person_id"));
  TS_ASSIGN_OR_RETURN(cadre, LockCadre(tx, cadre.id, now));
  TS_ASSIGN_OR_RETURN(PostingFigures before, CurrentPostingFigures(tx, ctx, cadre.id));
  struct DemoPosting {
    const char* host;
    int64_t from_days_ago, to_days_ago;
    const char* tasks;
    const char* report;                                 // nullptr: running
    std::vector<std::pair<int64_t, const char*>> logs;  // days ago, what
  };
  const DemoPosting postings[] = {
      {"风云社区团支部",
       150,
       31,
       "协助风云社区团支部开展“青春光影”活动和暑期爱心托管班筹备",
       "四个月中走访社区青年 62 人，协助开展活动 9 次，暑期托管班招募志愿者 15 名。",
       {{140, "走访社区青年，了解就业和托管需求"},
        {100, "协助组织“青春光影”观影交流活动"},
        {45, "暑期爱心托管班志愿者培训"}}},
      {"佳福小区团支部",
       20,
       -70,
       "协助佳福小区团支部建立青年志愿服务队，对接乐龄社工服务",
       nullptr,
       {{15, "与小区物业和社工服务社对接志愿服务需求"}, {3, "青年志愿服务队第一次集中服务"}}},
  };
  for (const auto& d : postings) {
    auto host_id = demo.organization_ids.find(d.host);
    if (host_id == demo.organization_ids.end()) continue;
    TS_ASSIGN_OR_RETURN(auto host, ctx.organizations->Find(tx, host_id->second));
    if (!host) continue;
    Posting p =
        NewPosting(cadre, *host, AddDays(today, -d.from_days_ago), AddDays(today, -d.to_days_ago), d.tasks, 0, now);
    TS_ASSIGN_OR_RETURN(p.id, InsertPosting(tx, p));
    for (const auto& [days_ago, what] : d.logs) {
      TS_RETURN_IF_ERROR(InsertPostingLog(tx, {0, p.id, AddDays(today, -days_ago), 180, what, now}).status());
    }
    if (d.report != nullptr) {
      p.report = d.report;
      p.reported_at = p.confirmed_at = now;
      TS_RETURN_IF_ERROR(SavePostingReport(tx, p));
      TS_RETURN_IF_ERROR(SavePostingConfirmation(tx, p));
    }
  }
  return MovePostingFigures(tx, ctx, cadre, before);
}

}  // namespace tianshan::cadres
