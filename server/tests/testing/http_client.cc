#include "testing/http_client.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/openapi_contract.h"

namespace tianshan::testing {
namespace {

size_t WriteBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

size_t WriteHeader(char* data, size_t size, size_t n, void* out) {
  std::string line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return size * n;
}

}  // namespace

nlohmann::json HttpResult::json() const {
  auto j = nlohmann::json::parse(body, nullptr, false);
  return j;
}

std::string HttpResult::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::vector<std::string> HttpResult::error_fields() const {
  std::vector<std::string> out;
  auto j = json();
  if (j.is_object() && j.contains("errors")) {
    for (const auto& e : j["errors"]) out.push_back(e.value("field", ""));
  }
  return out;
}

HttpClient::HttpClient(std::string base_url) : base_url_(std::move(base_url)), curl_(curl_easy_init()) {
  curl_easy_setopt(curl_, CURLOPT_COOKIEFILE, "");  // enable the in-memory cookie engine
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 60L);
}

HttpClient::~HttpClient() { curl_easy_cleanup(curl_); }

HttpResult HttpClient::Send(const std::string& method, const std::string& path, const std::string& body,
                            std::map<std::string, std::string> headers, bool no_csrf) {
  HttpResult result;
  std::string url = base_url_ + path;
  curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl_, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
  if (method == "GET" || method == "HEAD") {
    curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method == "HEAD" ? "HEAD" : nullptr);
    if (method == "HEAD") curl_easy_setopt(curl_, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  if (!headers.count("Content-Type") && !body.empty()) headers["Content-Type"] = "application/json";
  if (!headers.count("Accept-Language")) headers["Accept-Language"] = language_;
  if (!no_csrf && !csrf_.empty() && !headers.count("X-CSRF-Token")) headers["X-CSRF-Token"] = csrf_;
  headers["Expect"] = "";
  curl_slist* list = nullptr;
  for (const auto& [k, v] : headers) list = curl_slist_append(list, (k + ": " + v).c_str());
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, WriteHeader);
  curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &result.headers);
  CURLcode rc = curl_easy_perform(curl_);
  curl_slist_free_all(list);
  if (rc != CURLE_OK) {
    result.status = -1;
    result.body = curl_easy_strerror(rc);
    return result;
  }
  curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &result.status);
  auto failure =
      OpenApiContract::Served().Check(method, path, result.status, result.header("content-type"), result.body);
  if (failure) ADD_FAILURE() << *failure;
  return result;
}

HttpResult HttpClient::Get(const std::string& path, std::map<std::string, std::string> headers) {
  return Send("GET", path, "", std::move(headers));
}
HttpResult HttpClient::Post(const std::string& path, const std::string& body,
                            std::map<std::string, std::string> headers) {
  return Send("POST", path, body, std::move(headers));
}
HttpResult HttpClient::Patch(const std::string& path, const nlohmann::json& body) {
  return Send("PATCH", path, body.dump(), {});
}
HttpResult HttpClient::Put(const std::string& path, const nlohmann::json& body) {
  return Send("PUT", path, body.dump(), {});
}
HttpResult HttpClient::Delete(const std::string& path) { return Send("DELETE", path, "", {}); }

HttpResult HttpClient::Login(const std::string& login, const std::string& password) {
  auto r = Post("/api/v1/session", nlohmann::json{{"login", login}, {"password", password}});
  if (r.status == 200) csrf_ = r.json().value("csrf_token", "");
  return r;
}

}  // namespace tianshan::testing
