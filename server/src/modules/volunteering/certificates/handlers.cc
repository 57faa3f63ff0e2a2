#include "modules/volunteering/handlers.h"

#include "http/gate.h"
#include "modules/volunteering/answers.h"
#include "modules/volunteering/certificates/issue_certificate.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {
namespace {

std::string Html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A small server-rendered page, readable on a phone without the app, showing exactly what the
// certificate says.
HttpResponse VerifyPage(const Result<Certificate>& r) {
  std::string body =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\"><title>志愿服务证明核验</title><style>body{font-family:"
      "'Noto Sans CJK SC',sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#222}h1{color:#b41e1e;"
      "font-size:1.4rem}table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #ddd;padding:.4rem 0}"
      "td.h{text-align:right}</style></head><body><h1>志愿服务证明核验</h1>";
  int status = 200;
  if (r.ok()) {
    const auto& c = *r;
    body += "<p>✅ 该证明真实有效。</p><p>姓名：<strong>" + Html(c.name) + "</strong></p><p>累计志愿服务时长：<strong>" +
            HoursText(c.total_minutes) + " 小时</strong></p><table>";
    for (const auto& [title, minutes] : c.projects) {
      body += "<tr><td>" + Html(title) + "</td><td class=\"h\">" + HoursText(minutes) + " 小时</td></tr>";
    }
    body += "</table>";
    if (c.organization_name) body += "<p>出具单位：" + Html(*c.organization_name) + "</p>";
    body += "<p>出具日期：" + ChinaDate(c.issued_at) + "</p><p>验证码：" + Html(c.code) + "</p>";
  } else {
    status = r.status().code() == StatusCode::kNotFound ? 404 : 503;
    body += "<p>未找到该验证码对应的证明，请核对验证码。</p>";
  }
  body += "</body></html>";
  HttpResponse resp;
  resp.status = status;
  resp.content_type = "text/html; charset=utf-8";
  resp.body = std::move(body);
  return resp;
}

// {"id", "certificate", "pdf_url", "verify_url"}: one of the caller's own certificates.
void WriteIssued(JsonOut& out, const Certificate& c) {
  out.StartObject().Field("id", c.id).Key("certificate");
  WriteCertificate(out, c);
  out.Field("pdf_url", "/api/v1/volunteering/certificates/" + std::to_string(c.id) + "/pdf")
      .Field("verify_url", "/verify/" + c.code)
      .EndObject();
}

}  // namespace

void RegisterCertificateRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/volunteering/certificates", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto certificate, IssueCertificate(ctx, http::CallerOf(req)));
        return One(certificate, WriteIssued, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/volunteering/my/certificates", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto certificates, ListMyCertificates(ctx, *req.actor));
        return Items(certificates, WriteIssued);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/volunteering/certificates/{id}/pdf", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(std::string pdf, CertificatePdf(ctx, *req.actor, id, http::BaseUrl(req)));
        HttpResponse resp;
        resp.content_type = "application/pdf";
        resp.body = std::move(pdf);
        resp.Header("Content-Disposition", "attachment; filename=\"certificate-" + std::to_string(id) + ".pdf\"");
        return resp;
      });
  router.Get("/api/v1/certificates/verify/{code}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto certificate, VerifyCertificate(ctx, std::string(req.PathParam("code"))));
    JsonOut out;
    out.StartObject().Field("valid", true).Key("certificate");
    WriteCertificate(out, certificate);
    out.EndObject();
    return http::Json(out);
  });
  // A page, not an API answer: a missing certificate is a page saying so, never problem+json.
  router.Add("GET", "/verify/{code}", Access::kPublic, [&ctx](HttpRequest& req) {
    return VerifyPage(VerifyCertificate(ctx, std::string(req.PathParam("code"))));
  });
}

}  // namespace tianshan::volunteering
