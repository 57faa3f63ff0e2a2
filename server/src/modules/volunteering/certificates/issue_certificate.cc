#include "modules/volunteering/certificates/issue_certificate.h"

#include "core/crypto.h"
#include "core/json.h"
#include "modules/volunteering/certificates/certificate_pdf.h"
#include "modules/volunteering/person_lookup.h"
#include "modules/volunteering/signups/signup_repository.h"

namespace tianshan::volunteering {
namespace {

constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

}  // namespace

std::string NewCertificateCode() {
  std::string random = RandomToken(24);
  std::string code;
  for (size_t i = 0; code.size() < 14; ++i) {
    if (code.size() == 4 || code.size() == 9) code += '-';
    code += kAlphabet[static_cast<unsigned char>(random[i]) % kAlphabet.size()];
  }
  return code;
}

bool IsCertificateCode(std::string_view code) {
  if (code.size() != 14 || code[4] != '-' || code[9] != '-') return false;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i == 4 || i == 9) continue;
    if (kAlphabet.find(code[i]) == std::string_view::npos) return false;
  }
  return true;
}

Result<Certificate> IssueCertificate(const AppContext& ctx, const Caller& caller) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Certificate> {
    TS_ASSIGN_OR_RETURN(auto person, OwnPerson(tx, ctx, caller.actor));
    Certificate c;
    c.person_id = person.id;
    c.name = person.name;
    TS_ASSIGN_OR_RETURN(c.total_minutes, VolunteerTotal(tx, person.id));
    if (c.total_minutes <= 0) return Status::Conflict("volunteer.no_hours");
    TS_ASSIGN_OR_RETURN(c.projects, PersonProjectMinutes(tx, person.id));
    TS_ASSIGN_OR_RETURN(auto issuer, FindOrganization(tx, ctx, person.organization_id));
    c.organization_id = issuer.id;
    c.organization_name = issuer.name;
    c.code = NewCertificateCode();
    c.issued_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(c.id, InsertCertificate(tx, c));
    JsonOut out;
    out.StartObject()
        .Field("code", c.code)
        .Field("total_minutes", c.total_minutes)
        .Field("organization_id", c.organization_id)
        .EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_certificate.issue",
                                         .entity_type = "volunteer_certificate",
                                         .entity_id = c.id,
                                         .organization_path = issuer.path,
                                         .after_json = out.Take()}));
    return c;
  });
}

Result<std::vector<Certificate>> ListMyCertificates(const AppContext& ctx, const auth::Actor& actor) {
  if (!actor.person_id) return Status::Forbidden("volunteer.needs_person");
  return ctx.db.Read([&](storage::Transaction& tx) { return ListCertificates(tx, *actor.person_id); });
}

Result<std::string> CertificatePdf(const AppContext& ctx, const auth::Actor& actor, int64_t certificate_id,
                                   const std::string& verify_base_url) {
  TS_ASSIGN_OR_RETURN(auto cert, ctx.db.Read([&](storage::Transaction& tx) -> Result<Certificate> {
    TS_ASSIGN_OR_RETURN(auto c, FindCertificate(tx, certificate_id));
    if (!c || !actor.person_id || c->person_id != *actor.person_id) {
      return Status::NotFound("volunteer.certificate_not_found");
    }
    return *c;
  }));
  CertificateContent content{cert.code,
                             cert.name,
                             cert.total_minutes,
                             cert.projects,
                             ChinaDate(cert.issued_at),
                             verify_base_url + "/verify/" + cert.code,
                             cert.organization_name.value_or("")};
  return RenderCertificatePdf(content);
}

Result<Certificate> VerifyCertificate(const AppContext& ctx, const std::string& code) {
  if (!IsCertificateCode(code)) return Status::NotFound("volunteer.certificate_not_found");
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<Certificate> {
    TS_ASSIGN_OR_RETURN(auto c, FindCertificateByCode(tx, code));
    if (!c) return Status::NotFound("volunteer.certificate_not_found");
    return *c;
  });
}

}  // namespace tianshan::volunteering
