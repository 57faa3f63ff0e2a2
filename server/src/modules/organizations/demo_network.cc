#include "modules/organizations/demo_network.h"

#include "modules/organizations/coverage_repository.h"
#include "modules/organizations/create_coverage_unit.h"
#include "modules/organizations/create_organization.h"

namespace tianshan::organizations {
namespace {

struct DemoOrg {
  const char* name;
  const char* parent;  // full name; nullptr for a root
  const char* kind;
  const char* setting;
  const char* region_code;
  const char* short_name = nullptr;
  const char* address = nullptr;
};

// Parents come before their children.
const DemoOrg kOrgs[] = {
    {"新疆维吾尔自治区团委", nullptr, "committee", "government", "650000", "自治区团委", "乌鲁木齐市"},
    {"乌鲁木齐市团委", "新疆维吾尔自治区团委", "committee", "government", "650100", "乌鲁木齐团市委"},
    {"克拉玛依市团委", "新疆维吾尔自治区团委", "committee", "government", "650200", "克拉玛依团市委", "克拉玛依市克拉玛依区"},
    {"吐鲁番市团委", "新疆维吾尔自治区团委", "committee", "government", "650400"},
    {"哈密市团委", "新疆维吾尔自治区团委", "committee", "government", "650500"},
    {"昌吉回族自治州团委", "新疆维吾尔自治区团委", "committee", "government", "652300", "昌吉州团委"},
    {"博尔塔拉蒙古自治州团委", "新疆维吾尔自治区团委", "committee", "government", "652700", "博州团委"},
    {"巴音郭楞蒙古自治州团委", "新疆维吾尔自治区团委", "committee", "government", "652800", "巴州团委"},
    {"阿克苏地区团委", "新疆维吾尔自治区团委", "committee", "government", "652900"},
    {"克孜勒苏柯尔克孜自治州团委", "新疆维吾尔自治区团委", "committee", "government", "653000", "克州团委"},
    {"喀什地区团委", "新疆维吾尔自治区团委", "committee", "government", "653100"},
    {"和田地区团委", "新疆维吾尔自治区团委", "committee", "government", "653200"},
    {"伊犁哈萨克自治州团委", "新疆维吾尔自治区团委", "committee", "government", "654000", "伊犁州团委"},
    {"塔城地区团委", "新疆维吾尔自治区团委", "committee", "government", "654200"},
    {"阿勒泰地区团委", "新疆维吾尔自治区团委", "committee", "government", "654300"},
    {"库尔勒市团委", "巴音郭楞蒙古自治州团委", "committee", "government", "652801", "库尔勒团市委"},
    {"独山子区团委", "克拉玛依市团委", "committee", "government", "650202"},
    {"克拉玛依区团委", "克拉玛依市团委", "committee", "government", "650203"},
    {"白碱滩区团委", "克拉玛依市团委", "committee", "government", "650204"},
    {"乌尔禾区团委", "克拉玛依市团委", "committee", "government", "650205"},
    {"克拉玛依高新技术产业开发区团工委", "克拉玛依市团委", "working_committee", "industrial_park", "650203",
     "高新区团工委"},
    {"天山街道团工委", "克拉玛依区团委", "working_committee", "street", "650203", nullptr,
     "克拉玛依区天山街道社区服务中心"},
    {"风云社区团支部", "天山街道团工委", "branch", "community", "650203", "风云社区团支部", "克拉玛依区风云社区"},
    {"佳福小区团支部", "天山街道团工委", "branch", "community", "650203", nullptr, "克拉玛依区佳福小区"},
    {"汉博中央广场非公企业团支部", "天山街道团工委", "branch", "non_public_enterprise", "650203", "汉博团支部",
     "汉博中央广场"},
    {"天山“心”家园社工服务社团支部", "天山街道团工委", "branch", "social_organization", "650203",
     "心家园团支部"},
    {"新疆生产建设兵团团委", nullptr, "committee", "government", "660000", "兵团团委"},
    {"第七师团委", "新疆生产建设兵团团委", "committee", "government", "659007"},
    {"第八师石河子市团委", "新疆生产建设兵团团委", "committee", "government", "659001", "石河子团市委"},
};

struct DemoUnit {
  const char* name;
  const char* organization;  // registered at
  const char* kind;
  int young_employees;
  const char* covered_by;  // nullptr: not yet covered
};

const DemoUnit kUnits[] = {
    {"汉博中央广场", "天山街道团工委", "non_public_enterprise", 120, "汉博中央广场非公企业团支部"},
    {"天山“心”家园社工服务社", "天山街道团工委", "social_organization", 18, "天山“心”家园社工服务社团支部"},
    {"乐龄社工服务社", "天山街道团工委", "social_organization", 12, nullptr},
    {"克拉玛依佳福物业服务有限公司", "天山街道团工委", "non_public_enterprise", 35, nullptr},
    {"克拉玛依高新技术产业开发区", "克拉玛依市团委", "industrial_park", 860, "克拉玛依高新技术产业开发区团工委"},
};

}  // namespace

Status LoadDemoNetwork(AppContext& ctx, DemoContext& demo) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    std::map<std::string, Organization> created;
    for (const auto& d : kOrgs) {
      CreateOrganizationInput in;
      if (d.parent) in.parent_id = created.at(d.parent).id;
      in.fields.name = d.name;
      in.fields.kind = d.kind;
      in.fields.setting = d.setting;
      in.fields.region_code = d.region_code;
      if (d.short_name) in.fields.short_name = d.short_name;
      if (d.address) in.fields.address = d.address;
      auto org = CreateOrganizationUnchecked(tx, ctx, std::nullopt, in, "demo");
      if (!org.ok()) return Status(org.status()).WithDetail(std::string("demo organization ") + d.name);
      created.emplace(d.name, *org);
    }
    for (const auto& u : kUnits) {
      CoverageUnitInput in{u.name, u.kind, u.young_employees, std::nullopt};
      if (u.covered_by) in.covered_by_organization_id = created.at(u.covered_by).id;
      auto unit = CreateCoverageUnitUnchecked(tx, ctx, created.at(u.organization), in, std::nullopt, "demo");
      if (!unit.ok()) return Status(unit.status()).WithDetail(std::string("demo coverage unit ") + u.name);
    }
    for (const auto& [name, org] : created) demo.organization_ids[name] = org.id;
    return Status::Ok();
  });
}

}  // namespace tianshan::organizations
