#include "modules/services/load_demo.h"

#include "core/calendar.h"
#include "modules/organizations/public/counters.h"
#include "modules/services/attendance.h"
#include "modules/services/figures.h"
#include "modules/services/service_repository.h"

namespace tianshan::services {
namespace {

struct DemoService {
  const char* organization;
  ServiceFields f;
};

std::vector<Question> CaseQuestions() {
  return {{"need", "需要什么帮助", "text", true, {}},
          {"contact_time", "方便联系的时间", "choice", false, {"工作日白天", "工作日晚上", "周末"}}};
}

std::vector<DemoService> Services() {
  return {
      {"天山“心”家园社工服务社团支部",
       {"青少年社工个案服务",
        "social_work",
        "由专业社工为青少年及其家庭提供一对一的个案辅导与资源链接。",
        12,
        35,
        {},
        "venue",
        "applications",
        CaseQuestions(),
        3}},
      // 乐龄社工服务社 has no league organization yet (a coverage unit of 天山街道): the street's
      // working committee offers the service it runs.
      {"天山街道团工委",
       {"乐龄陪伴服务（乐龄社工服务社）",
        "elder_care",
        "组织青年志愿者为社区独居老人提供陪伴、代购与健康提醒。",
        {},
        {},
        {},
        "visit",
        "applications",
        {{"address", "服务地址", "text", true, {}}, {"visits", "每月上门次数", "number", false, {}}},
        3}},
      {"克拉玛依区团委",
       {"青年创业指导",
        "entrepreneurship",
        "克拉玛依区创业指导中心为 18–40 岁青年提供项目诊断、政策咨询和导师对接。",
        18,
        40,
        {},
        "venue",
        "applications",
        {{"project", "项目简介", "text", true, {}},
         {"stage", "项目阶段", "choice", true, {"想法", "筹备", "已注册"}},
         {"founded_on", "注册日期", "date", false, {}}},
        3}},
      {"天山街道团工委",
       {"暑期爱心托管班",
        "childcare",
        "为流动务工人员子女提供暑期托管：作业辅导、兴趣课程和安全教育。",
        6,
        14,
        {},
        "venue",
        "enrollment",
        {},
        3}},
  };
}

}  // namespace

Status LoadDemoServices(AppContext& ctx, DemoContext& demo) {
  if (!demo.organization_ids.count("天山街道团工委")) return Status::Ok();
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    const int64_t now = ctx.clock.NowMillis();
    std::vector<Service> made;
    for (auto& d : Services()) {
      auto org = demo.organization_ids.find(d.organization);
      if (org == demo.organization_ids.end()) continue;
      auto ref = ctx.organizations->Find(tx, org->second);
      TS_RETURN_IF_ERROR(ref.status());
      if (!*ref) continue;
      Service s;
      s.organization_id = org->second;
      s.org_path = (*ref)->path;
      s.f = d.f;
      s.created_at = s.updated_at = now;
      TS_ASSIGN_OR_RETURN(s.id, InsertService(tx, s));
      made.push_back(std::move(s));
    }
    // Applications in every state, for the social-work, elder-care and entrepreneurship services.
    const char* const states[] = {"submitted", "accepted", "in_service", "completed", "rejected", "withdrawn"};
    const char* const names[] = {"阿依古丽", "王磊", "买买提", "李娜", "张伟", "古丽娜尔"};
    const int64_t day = 24LL * 3600 * 1000;
    int n = 0;
    for (const auto& s : made) {
      if (s.f.kind != "applications") continue;
      for (size_t i = 0; i < std::size(states); ++i, ++n) {
        Application a;
        a.service_id = s.id;
        a.organization_id = s.organization_id;
        a.org_path = s.org_path;
        a.applicant_name = names[(i + n) % std::size(names)];
        for (const auto& q : s.f.questions) {
          if (q.type == "choice") a.answers[q.key] = q.options.front();
          if (q.type == "text") a.answers[q.key] = "希望得到帮助（示例）";
        }
        a.status = states[i];
        if (a.status == "rejected") a.reason = "不在服务范围内，已转介";
        // The first submitted one is overdue (5 days old), so the reminder has work.
        a.created_at = now - (i == 0 && n == 0 ? 5 : 1) * day;
        a.updated_at = now;
        TS_ASSIGN_OR_RETURN(a.id, InsertApplication(tx, a));
        TS_RETURN_IF_ERROR(InsertStep(tx, a.id, {"submitted", 0, std::nullopt, a.created_at}));
        std::vector<std::string> path;
        if (a.status == "accepted" || a.status == "in_service" || a.status == "completed") path.push_back("accepted");
        if (a.status == "in_service" || a.status == "completed") path.push_back("in_service");
        if (a.status == "completed" || a.status == "rejected" || a.status == "withdrawn") path.push_back(a.status);
        TS_RETURN_IF_ERROR(CountSubmitted(tx, a));
        Application stepped = a;
        std::string from = "submitted";
        for (const auto& step : path) {
          TS_RETURN_IF_ERROR(InsertStep(tx, a.id, {step, 0, a.reason, now}));
          stepped.status = step;
          TS_RETURN_IF_ERROR(CountStep(tx, stepped, from, now));
          from = step;
        }
        if (a.status == "submitted") {
          TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, a.organization_id, kPendingApplicationsCounter, 1));
        }
      }
    }
    // The summer care class: 2016 (past, with its children) and next summer (open).
    for (const auto& s : made) {
      if (s.f.kind != "enrollment") continue;
      Session past{0, s.id, "2016 年 7 月（6–9 岁组）", "2016-07-11", "2016-08-05", 30, 0, 0};
      TS_ASSIGN_OR_RETURN(past.id, InsertSession(tx, past, now));
      const char* const children[] = {"小雨", "小杰", "小满", "小禾", "小安"};
      // Four weeks, Monday to Friday, each child marked every day; one absence in seven.
      std::vector<std::string> days;
      for (int d = 11; d <= 36; ++d) {
        if ((d - 11) % 7 >= 5) continue;
        days.push_back(d <= 31 ? "2016-07-" + std::to_string(d) : "2016-08-0" + std::to_string(d - 31));
      }
      int index = 0;
      for (const char* child : children) {
        TS_ASSIGN_OR_RETURN(bool placed, TakePlace(tx, past.id));
        if (!placed) break;
        TS_RETURN_IF_ERROR(CountPlaces(tx, s.organization_id, 1, 0));
        Enrollment e{0, past.id, s.id, 0, child, "2008-05-01", true, "enrolled", std::nullopt, now};
        TS_ASSIGN_OR_RETURN(e.id, InsertEnrollment(tx, e));
        int64_t present = 0;
        for (size_t d = 0; d < days.size(); ++d) {
          const bool here = (index + static_cast<int>(d)) % 7 != 3;
          TS_RETURN_IF_ERROR(InsertMark(tx, past.id, days[d], {e.id, here}, 0, now));
          present += here ? 1 : 0;
        }
        const auto marked = static_cast<int64_t>(days.size());
        TS_RETURN_IF_ERROR(AdjustAttendance(tx, past.id, present, marked));
        TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, s.organization_id, kPresentCounter, present));
        TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, s.organization_id, kMarkedCounter, marked));
        ++index;
      }
      const std::string year = std::to_string(std::stoi(TodayInChina(now).substr(0, 4)) + 1);
      Session next{0, s.id, year + " 年 7 月（6–9 岁组）", year + "-07-06", year + "-07-31", 30, 0, 0};
      TS_RETURN_IF_ERROR(InsertSession(tx, next, now).status());
      Session older{0, s.id, year + " 年 7 月（10–14 岁组）", year + "-07-06", year + "-07-31", 25, 0, 0};
      TS_RETURN_IF_ERROR(InsertSession(tx, older, now).status());
    }
    return Status::Ok();
  });
}

}  // namespace tianshan::services
