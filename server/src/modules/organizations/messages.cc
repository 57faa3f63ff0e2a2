#include "modules/organizations/messages.h"

namespace tianshan::organizations {

const std::vector<MessageText>& Messages() {
  static const std::vector<MessageText> messages = {
      {"organization.not_found", "组织不存在或不在您的权限范围内", "No such organization within your reach"},
      {"organization.name_unknown", "在导入的目标组织之下找不到组织“{}”",
       "No organization named \"{}\" within the organization you import into"},
      {"organization.sheet_bad_kind", "类型“{}”无法识别，应为 团委、团工委、团总支 或 团支部",
       "Cannot read the type \"{}\"; use 团委, 团工委, 团总支 or 团支部 (committee, working committee, general "
       "branch, branch)"},
      {"organization.sheet_bad_setting",
       "领域“{}”无法识别，应为 机关、街道、社区、学校、非公企业、园区、社会组织 或 其他",
       "Cannot read the setting \"{}\"; use 机关, 街道, 社区, 学校, 非公企业, 园区, 社会组织 or 其他"},
      {"organization.sheet_cannot_create_under", "您无权在“{}”之下新建组织",
       "You may not create organizations under {}"},
      {"organization.name_ambiguous", "目标组织之下有多个名为“{}”的组织，无法确定是哪一个",
       "Several organizations within the target are named \"{}\"; the row cannot say which one"},
      {"organization.parent_unknown", "上级组织不存在或不在您的权限范围内",
       "The parent organization does not exist or is outside your reach"},
      {"organization.parent_archived", "上级组织已撤销（归档），不能在其下设立或迁入组织",
       "The parent organization is archived and cannot take organizations"},
      {"organization.duplicate_name", "同一上级组织下已有名为「{}」的组织",
       "An organization named \"{}\" already exists under the same parent"},
      {"organization.root_needs_root_admin", "只有顶级组织的团委管理员才能新建顶级组织",
       "Only a committee admin of a top-level organization may create a top-level organization"},
      {"organization.fields_need_admin", "团支部书记只能修改简称、地址、联系人、联系电话和成立日期",
       "A branch secretary may change only the short name, address, contact and founding date"},
      {"organization.field_needs_admin", "需要团委管理员权限", "Needs a committee admin"},
      {"organization.bad_region_code", "行政区划代码应为 6 位数字，如 650203",
       "The region code must be 6 digits, e.g. 650203"},
      {"organization.bad_phone", "电话号码格式不正确：手机号如 13912345678，座机如 0990-6888888",
       "Invalid phone number: a mobile like 13912345678 or a landline like 0990-6888888"},
      {"organization.bad_date", "日期格式应为 YYYY-MM-DD 且是真实日期",
       "The date must be a real date written YYYY-MM-DD"},
      {"organization.date_in_future", "成立日期不能晚于今天", "The founding date cannot be in the future"},
      {"organization.has_active_children", "该组织还有未撤销的下级组织，请先撤销或迁出下级组织",
       "The organization still has active child organizations; archive or move them first"},
      {"organization.has_members", "该组织还有 {} 名团员，请先办理组织关系转接",
       "The organization still has {} members; transfer them first"},
      {"organization.covers_units", "该组织仍被登记为覆盖单位的团组织，请先解除关联",
       "The organization is still linked as covering a coverage unit; unlink it first"},
      {"organization.move_cycle", "不能把组织迁移到它自己或它的下级组织之下",
       "An organization cannot be moved under itself or one of its descendants"},
      {"organization.parent_archived", "上级组织已撤销，请先恢复上级组织",
       "The parent organization is archived; restore it first"},
      {"organization.archived", "该组织已撤销（归档）", "The organization is archived"},
      {"coverage.not_found", "覆盖单位不存在或不在您的权限范围内", "No such coverage unit within your reach"},
      {"coverage.bad_covering_organization", "覆盖该单位的团组织必须是本组织或其下级中未撤销的组织",
       "The covering organization must be an active organization in this organization's subtree"},
  };
  return messages;
}

}  // namespace tianshan::organizations
