#include "modules/venues/module.h"

#include "modules/organizations/public/counters.h"
#include "modules/venues/handlers.h"
#include "modules/venues/load_demo.h"
#include "modules/venues/permissions.h"
#include "modules/venues/venue_repository.h"
#include "storage/sql_text.h"

namespace tianshan::venues {
namespace {

std::vector<MessageText> Messages() {
  return {
      {"venues.not_found", "未找到该场地", "No such venue"},
      {"venues.room_not_found", "未找到该房间", "No such room"},
      {"venues.booking_not_found", "未找到该预约", "No such booking"},
      {"venues.name_taken", "本组织已有同名场地", "This organization already has a venue with that name"},
      {"venues.room_name_taken", "该场地已有同名房间", "This venue already has a room with that name"},
      {"venues.coordinates_pair", "经度和纬度须同时填写", "Give both latitude and longitude"},
      {"venues.closes_before_opens", "关门时间须晚于开门时间", "Closing time must be after opening time"},
      {"venues.hours_pair", "开门和关门时间须同时填写（都不填表示全天闭馆）",
       "Give both opening and closing time (neither means closed all day)"},
      {"venues.date_repeated", "日期 {} 重复", "The date {} is repeated"},
      {"venues.bad_clock", "时间须为 HH:MM 格式", "Use HH:MM for a time of day"},
      {"venues.bad_time", "时间格式不正确", "Not a valid date and time"},
      {"venues.bad_phone", "电话号码格式不正确", "Not a valid phone number"},
      {"venues.must_be_number", "须为数字", "Must be a number"},
      {"venues.ends_before_starts", "结束时间须晚于开始时间", "The end must be after the start"},
      {"venues.in_past", "不能预约过去的时间", "That time has passed"},
      {"venues.too_far_ahead", "最多只能预约 {} 天以内", "Book at most {} days ahead"},
      {"venues.outside_hours", "所选时间不在场地开放时间内", "The venue is not open for the whole of that time"},
      {"venues.over_capacity", "人数超过房间容量（{} 人）", "More people than the room holds ({})"},
      {"venues.overlap", "该时段已被预约", "The room is already booked for that time"},
      {"venues.photo_not_found", "未找到该照片", "No such photo"},
      {"venues.too_many_photos", "每个场地最多 {} 张照片", "A venue has at most {} photos"},
      {"venues.booking_state", "该预约当前状态（{}）不允许此操作", "Not possible for a booking that is {}"},
  };
}

Result<std::vector<std::string>> Verify(AppContext& ctx) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    organizations::SelfCounts counts;
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, kPendingBookingsCounter, kPendingBookingsSql, counts));
    TS_RETURN_IF_ERROR(
        organizations::AddCountedOrganizations(tx, "SELECT DISTINCT organization_id FROM venues_venues", counts));
    return organizations::CompareSelfCounters(tx, "venues", {kPendingBookingsCounter}, counts);
  });
}

}  // namespace

ModuleDefinition VenuesModule() {
  ModuleDefinition m;
  m.name = "venues";
  m.migrations = storage::EmbeddedMigrations("venues", "modules/venues/migrations/");
  m.messages = Messages();
  m.permissions = Permissions();
  m.counters = {{std::string(kPendingBookingsCounter), "待审批的场地预约", "Room bookings awaiting approval", "",
                 "/app/organizations/{id}/bookings"}};
  m.register_routes = [](http::Router& router, AppContext& ctx) { RegisterRoutes(router, ctx); };
  m.load_demo = LoadDemoVenues;
  m.verify_counters = Verify;
  // Venues and bookings keep their organization's path; rewrite it when a subtree moves.
  m.on_subtree_moved = [](storage::Transaction& tx, const std::string& from, const std::string& to) -> Status {
    TS_RETURN_IF_ERROR(storage::RewritePathPrefix(tx, "venues_venues", "org_path", from, to));
    return storage::RewritePathPrefix(tx, "venues_bookings", "org_path", from, to);
  };
  return m;
}

}  // namespace tianshan::venues
