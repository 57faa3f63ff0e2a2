#pragma once
// Use cases for certificates.
//
// IssueCertificate: own person (403) with confirmed hours (409 volunteer.no_hours) → a
// snapshot of the name, the total, the confirmed minutes per project and the issuing
// organization (the one the person is attached to, by its name now), under a random,
// unguessable verification code ("XXXX-XXXX-XXXX", ~59 bits) → audit. A certificate never
// changes afterwards; later hours need a new certificate.
// ListMyCertificates / CertificatePdf: the owner only (404 otherwise).
// VerifyCertificate: public; answers exactly what the certificate says (name, total, projects,
// issue date, code) and nothing else about the person.

#include <vector>

#include "modules/volunteering/certificates/certificate_repository.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

Result<Certificate> IssueCertificate(const AppContext& ctx, const Caller& caller);
Result<std::vector<Certificate>> ListMyCertificates(const AppContext& ctx, const auth::Actor& actor);
// The PDF bytes; `verify_base_url` + "/verify/" + code is printed and encoded as a QR code.
Result<std::string> CertificatePdf(const AppContext& ctx, const auth::Actor& actor, int64_t certificate_id,
                                   const std::string& verify_base_url);
Result<Certificate> VerifyCertificate(const AppContext& ctx, const std::string& code);

// "ABCD-EFGH-JKLM" from the unambiguous alphabet; true when `code` has that shape.
std::string NewCertificateCode();
bool IsCertificateCode(std::string_view code);

}  // namespace tianshan::volunteering
