#pragma once
// A real HTTP client (libcurl) for API tests, with its own cookie jar and CSRF token, so each
// client is one browser session.
//
// Every answer is checked against the served OpenAPI document (testing/openapi_contract.h): a
// status the operation does not document, a media type it does not name, or a JSON body that
// breaks its schema fails the running test (ADD_FAILURE) with the method, path, status and the
// JSON pointer of each offending value. Transport failures (status -1) are not checked.

#include <curl/curl.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace tianshan::testing {

struct HttpResult {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names; last value wins
  nlohmann::json json() const;
  std::string header(const std::string& lower_name) const;
  // The field names of a problem's "errors" array.
  std::vector<std::string> error_fields() const;
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult Get(const std::string& path, std::map<std::string, std::string> headers = {});
  HttpResult Post(const std::string& path, const std::string& body, std::map<std::string, std::string> headers = {});
  HttpResult Post(const std::string& path, const nlohmann::json& body) { return Post(path, body.dump()); }
  HttpResult Patch(const std::string& path, const nlohmann::json& body);
  HttpResult Put(const std::string& path, const nlohmann::json& body);
  HttpResult Delete(const std::string& path);
  // Any method, raw body and headers; the CSRF header is added when known unless `no_csrf`.
  HttpResult Send(const std::string& method, const std::string& path, const std::string& body,
                  std::map<std::string, std::string> headers, bool no_csrf = false);

  // Logs in; remembers the session cookie and CSRF token. Returns the response.
  HttpResult Login(const std::string& login, const std::string& password);
  void set_language(std::string lang) { language_ = std::move(lang); }
  const std::string& csrf_token() const { return csrf_; }
  void set_csrf_token(std::string t) { csrf_ = std::move(t); }

 private:
  std::string base_url_;
  CURL* curl_;
  std::string csrf_;
  std::string language_ = "zh-CN";
};

}  // namespace tianshan::testing
