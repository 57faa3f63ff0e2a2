#pragma once
// Reading the audit log of a subtree, shared by the list (GET /api/v1/audit) and its .xlsx
// export (GET /api/v1/audit/export): the same query fields, the same 404 for an organization
// the caller does not administer, the same entries.
//
// Query fields: organization_id (required), entity_type, action, since / until (dates
// YYYY-MM-DD in China time, both inclusive: when). Who: the X-Search-Actor header, a login or a
// phone number, percent-encoded (http/search_header.h: a phone must not travel in the URL, so
// ?actor= is a 422 naming actor). An actor that does not exist matches nothing (it reveals
// nothing about which logins exist).

#include <map>
#include <optional>
#include <string>

#include "audit/audit_log.h"
#include "kit/module.h"

namespace tianshan::audit {

struct AuditQuery {
  int64_t organization_id = 0;
  AuditFilter filter;
  std::optional<std::string> actor_login;  // who, as a login or phone; resolved when read
};

// Every bad field at once (422).
Result<AuditQuery> ParseAuditQuery(const http::HttpRequest& req);

struct AuditListPage {
  AuditPage page;
  std::map<int64_t, std::string> actor_names;  // display names of the page's actors
};

// One page of the subtree's entries, newest first; NotFound unless the caller is a committee
// admin covering the organization.
Result<AuditListPage> ReadAuditPage(const AppContext& ctx, const auth::Actor& actor, const AuditQuery& query,
                                    std::optional<int64_t> before_id, int limit);

// The entries the list would show for `query`, every page, as an .xlsx file (times in China
// time, the actor's display name, before/after as JSON text). Refuses (422 on "since") more than
// kAuditExportRows entries: narrow the dates.
inline constexpr int kAuditExportRows = 20000;
struct AuditFile {
  std::string file_name;  // "审计日志-<organization>-<today>.xlsx"
  std::string bytes;
};
Result<AuditFile> ExportAuditSheet(const AppContext& ctx, const auth::Actor& actor, const AuditQuery& query);

}  // namespace tianshan::audit
