#include "modules/services/module.h"

#include "modules/organizations/public/counters.h"
#include "modules/services/attendance.h"
#include "modules/services/figures.h"
#include "modules/services/handlers.h"
#include "modules/services/load_demo.h"
#include "modules/services/permissions.h"
#include "modules/services/satisfaction_sheet.h"
#include "modules/services/service_repository.h"
#include "modules/services/use_cases.h"
#include "storage/sql_text.h"

namespace tianshan::services {
namespace {

std::vector<MessageText> Messages() {
  return {
      {"services.not_found", "未找到该服务", "No such service"},
      {"services.session_not_found", "未找到该期次", "No such session"},
      {"services.application_not_found", "未找到该申请", "No such application"},
      {"services.name_taken", "本组织已有同名服务", "This organization already offers a service with that name"},
      {"services.age_range", "最大年龄不能小于最小年龄", "The maximum age is below the minimum"},
      {"services.questions_for_applications", "只有申请类服务才有问题", "Only application services have questions"},
      {"services.bad_key", "问题标识只能用小写字母、数字和下划线", "Use a-z, 0-9 and _ for a question key"},
      {"services.key_repeated", "问题标识 {} 重复", "The question key {} is repeated"},
      {"services.options_needed", "选择题须有选项", "A choice question needs options"},
      {"services.options_only_for_choice", "只有选择题才有选项", "Only choice questions have options"},
      {"services.must_be_number", "须为数字", "Must be a number"},
      {"services.questions_in_use", "已有人申请，问题不能再修改",
       "Someone has applied already; the questions stay as they are"},
      {"services.accept_only_for_file", "只有文件题才有文件类型和大小",
       "Only file questions have file types and sizes"},
      {"services.not_a_file_question", "没有这个文件题：{}", "No such file question: {}"},
      {"services.unknown_file", "请先上传这道题的文件", "Upload this question's file first"},
      {"services.area_unknown", "未找到该区域组织", "No such organization for the area"},
      {"services.ends_before_starts", "结束日期不能早于开始日期", "The end is before the start"},
      {"services.not_enrollment", "该服务不按期次报名", "This service has no sessions"},
      {"services.not_applications", "该服务不接受申请", "This service does not take applications"},
      {"services.session_started", "该期次已开始，不能再报名", "This session has started"},
      {"services.age_outside", "年龄不在服务对象范围内（{} 岁）", "The age is outside the service's range ({} years)"},
      {"services.age_unknown", "该服务有年龄要求，请先完善个人信息",
       "This service has an age limit; your birth date is not on file"},
      {"services.outside_area", "该服务只面向指定区域的青年", "This service is for young people of another area"},
      {"services.needs_consent", "未成年人报名须由监护人同意", "A guardian must consent for a minor"},
      {"services.enrollment_not_found", "未找到该报名", "No such enrollment"},
      {"services.enrollment_state", "该报名当前状态（{}）不能退出", "Not possible for an enrollment that is {}"},
      {"services.day_outside_session", "该日不在本期次的日期内（{}）", "This day is outside the session ({})"},
      {"services.day_in_future", "还不能为将来的日期记考勤", "Attendance cannot be marked for a day still to come"},
      {"services.not_enrolled", "该参加者未在本期次正式报名", "This child holds no place in this session"},
      {"services.marked_twice", "同一参加者在一天内只能记一次", "This child is marked twice for the day"},
      {"services.notice_promoted_title", "候补转为正式报名", "A place came free"},
      {"services.notice_promoted", "{name} 已从候补转为“{service}”（{session}）的正式报名",
       "{name} now has a place in “{service}” ({session}), no longer on the waitlist"},
      {"services.already_rated", "该申请已评价过", "This application is already rated"},
      {"services.rate_after_completion", "办结后才能评价", "Rate a service once it is completed"},
      {"services.notice_message_title", "服务申请有新留言", "A new message on a service application"},
      {"services.notice_message", "{name} 就“{service}”留言", "{name} wrote about “{service}”"},
      {"services.already_enrolled", "已为该参加者报名此期次", "Already enrolled in this session"},
      {"services.application_state", "该申请当前状态（{}）不允许此操作", "Not possible for an application that is {}"},
      {"services.notice_title", "服务申请有新进展", "News about your service application"},
      {"services.notice_accepted", "您申请的“{service}”已受理", "Your application for “{service}” was accepted"},
      {"services.notice_rejected", "您申请的“{service}”未获通过", "Your application for “{service}” was declined"},
      {"services.notice_in_service", "“{service}”已开始为您服务", "“{service}” has started for you"},
      {"services.notice_completed", "“{service}”已办结", "“{service}” is completed"},
      {"services.reminder_title", "有服务申请超时未答复", "Service applications wait for an answer"},
      {"services.reminder_body", "{count} 份服务申请已超过答复时限",
       "{count} service applications are past their response time"},
  };
}

Result<std::vector<std::string>> Verify(AppContext& ctx) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    organizations::SelfCounts counts;
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, kPendingApplicationsCounter, kPendingApplicationsSql, counts));
    std::vector<std::string> keys = {std::string(kPendingApplicationsCounter)};
    for (int k = 1; k <= 5; ++k) {
      keys.push_back(RatingCounter(k));
      TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, keys.back(), RatingsSql(k), counts));
    }
    TS_RETURN_IF_ERROR(AddResponseSelfCounts(tx, counts, keys));
    TS_RETURN_IF_ERROR(AddEnrollmentSelfCounts(tx, counts, keys));
    TS_RETURN_IF_ERROR(
        organizations::AddCountedOrganizations(tx, "SELECT DISTINCT organization_id FROM services_services", counts));
    return organizations::CompareSelfCounters(tx, "services", std::vector<std::string_view>(keys.begin(), keys.end()),
                                              counts);
  });
}

}  // namespace

ModuleDefinition ServicesModule() {
  ModuleDefinition m;
  m.name = "services";
  m.migrations = storage::EmbeddedMigrations("services", "modules/services/migrations/");
  m.messages = Messages();
  m.permissions = Permissions();
  m.sheets = {SatisfactionSheet()};
  m.counters = {{std::string(kPendingApplicationsCounter), "待受理的服务申请",
                 "Service applications awaiting an answer", "", "/app/organizations/{id}/applications"},
                {std::string(kOverdueApplicationsCounter), "超时未答复的服务申请",
                 "Service applications past their response time", "overdue", "/app/organizations/{id}/applications"}};
  m.jobs = {{"services.application_reminders",
             "Recounts service applications unanswered past their response time and tells the organizations' admins",
             JobSchedule::Daily(9, 0), 5, 300,
             [](const AppContext& ctx, const JobRun& run) { return RemindOverdueApplications(ctx, run.due_at); }},
            {"services.draft_file_cleanup",
             "Deletes answer files uploaded more than a day ago and never attached to a submitted application",
             JobSchedule::Interval(3600), 3, 300,
             [](const AppContext& ctx, const JobRun& run) { return CleanUpDraftFiles(ctx, run.due_at); }}};
  m.notification_kinds = {{"services.application_update", "服务申请进展", "Service application updates"},
                          {"services.application_overdue", "服务申请超时提醒", "Overdue service applications"},
                          {"services.application_message", "服务申请留言", "Messages on service applications"},
                          {"services.enrollment_update", "候补转正式报名", "A waitlisted enrollment got a place"}};
  m.register_routes = [](http::Router& router, AppContext& ctx) { RegisterRoutes(router, ctx); };
  m.load_demo = LoadDemoServices;
  m.verify_counters = Verify;
  // Services and applications keep their organization's path; rewrite it when a subtree moves.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) -> Status {
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "services_services", "org_path", from, to));
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "services_services", "area_path", from, to));
    return storage::RewritePathPrefix(tx, "services_applications", "org_path", from, to);
  };
  return m;
}

}  // namespace tianshan::services
