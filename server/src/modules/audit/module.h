#pragma once
// The audit module: the audit_entries table and its reader.
//   GET /api/v1/audit?organization_id=&entity_type=&limit=&cursor=
// Only committee admins whose grant covers the organization read its subtree's entries.

#include "kit/module.h"

namespace tianshan::audit {

ModuleDefinition AuditModule();

}  // namespace tianshan::audit
