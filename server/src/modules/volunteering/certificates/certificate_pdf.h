#pragma once
// The certificate as a PDF: Chinese text set by Pango in a real CJK font (Noto Sans/Serif CJK
// SC from Debian's fonts-noto-cjk, embedded as a subset) on a Cairo PDF surface, with the
// verification code and a QR code of the public verification page. No I/O besides fonts.
// Thread-safe: rendering is serialized (fontconfig and Pango's font map are shared).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace tianshan::volunteering {

struct CertificateContent {
  std::string code;
  std::string name;
  int64_t total_minutes = 0;
  std::vector<std::pair<std::string, int64_t>> projects;  // title, minutes
  std::string issued_on;                                  // "YYYY-MM-DD"
  std::string verify_url;                                 // printed and encoded as a QR code
  std::string issuer;  // the issuing organization's name; empty on older certificates
};

// The PDF bytes; kInternal when Cairo fails.
Result<std::string> RenderCertificatePdf(const CertificateContent& content);

}  // namespace tianshan::volunteering
