#pragma once
// SQL for volunteering_certificates and the per-project sums a certificate freezes (bound
// parameters only; caller's transaction).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::volunteering {

// A frozen snapshot: never changes after it is issued.
struct Certificate {
  int64_t id = 0;
  std::string code;
  int64_t person_id = 0;
  std::string name;
  int64_t total_minutes = 0;
  std::vector<std::pair<std::string, int64_t>> projects;  // title, minutes
  int64_t issued_at = 0;
  // The issuing organization and its name at the time of issue (none on certificates issued
  // before organizations were named).
  std::optional<int64_t> organization_id;
  std::optional<std::string> organization_name;
};

// Confirmed minutes per project of the person (positive sums only), largest first.
Result<std::vector<std::pair<std::string, int64_t>>> PersonProjectMinutes(storage::Transaction& tx, int64_t person_id);
Result<int64_t> InsertCertificate(storage::Transaction& tx, const Certificate& c);
Result<std::optional<Certificate>> FindCertificateByCode(storage::Transaction& tx, const std::string& code);
Result<std::optional<Certificate>> FindCertificate(storage::Transaction& tx, int64_t id);
// The person's certificates, newest first.
Result<std::vector<Certificate>> ListCertificates(storage::Transaction& tx, int64_t person_id);

}  // namespace tianshan::volunteering
