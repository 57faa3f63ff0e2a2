#include "modules/notifications/mail_sender.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>

#include "core/crypto.h"
#include "core/log.h"
#include "modules/notifications/notification_repository.h"

namespace tianshan::notifications {
namespace {

struct Upload {
  std::string data;
  size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  size_t n = std::min(size * count, u->data.size() - u->offset);
  std::memcpy(buffer, u->data.data() + u->offset, n);
  u->offset += n;
  return n;
}

std::string RfcDate() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

// Headers may not carry CR/LF from data: they would start new headers.
std::string HeaderSafe(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

std::string Message(const std::string& from, const std::string& to, const std::string& subject,
                    const std::string& body) {
  std::string b64 = Base64(body), wrapped;
  for (size_t i = 0; i < b64.size(); i += 76) wrapped += b64.substr(i, 76) + "\r\n";
  return "Date: " + RfcDate() + "\r\nFrom: <" + HeaderSafe(from) + ">\r\nTo: <" + HeaderSafe(to) +
         ">\r\nSubject: =?UTF-8?B?" + Base64(subject) +
         "?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: "
         "base64\r\n\r\n" +
         wrapped;
}

int64_t RetryDelayMillis(int attempts) {
  int64_t d = 60 * 1000;
  for (int i = 0; i < attempts && d < 24LL * 3600 * 1000; ++i) d *= 2;
  return std::min<int64_t>(d, 24LL * 3600 * 1000);
}

}  // namespace

Status SendMail(const PlatformSettings& settings, const std::string& to, const std::string& subject,
                const std::string& body) {
  if (settings.smtp_url.empty()) return Status::Unavailable("notifications.no_relay");
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return Status::Internal("error.internal").WithDetail("curl_easy_init failed");
  Upload upload{Message(settings.mail_from, to, subject, body), 0};
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + HeaderSafe(to) + ">").c_str());
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> rcpt_guard(rcpt, curl_slist_free_all);
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, settings.smtp_url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + HeaderSafe(settings.mail_from) + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  if (!settings.smtp_user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings.smtp_user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings.smtp_password.c_str());
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  }
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    std::string why = error[0] ? error : curl_easy_strerror(rc);
    if (code > 0) why += " (SMTP " + std::to_string(code) + ")";
    return Status::Unavailable("notifications.relay_refused").WithDetail(why);
  }
  return Status::Ok();
}

Status SendDueMail(const AppContext& ctx, const JobRun&) {
  if (ctx.settings.smtp_url.empty()) return Status::Ok();  // kept in the outbox until a relay exists
  TS_ASSIGN_OR_RETURN(auto due, ctx.db.Read([&](storage::Transaction& tx) {
    return DueOutbox(tx, ctx.clock.NowMillis(), 50);
  }));
  for (const auto& m : due) {
    Status sent = SendMail(ctx.settings, m.to_address, m.subject, m.body);
    const int64_t now = ctx.clock.NowMillis();
    Status recorded = ctx.db.Write([&](storage::Transaction& tx) {
      if (sent.ok()) return MarkSent(tx, m.id, now);
      return MarkSendFailed(tx, m.id, sent.detail().empty() ? sent.message() : sent.detail(),
                            now + RetryDelayMillis(m.attempts));
    });
    TS_RETURN_IF_ERROR(recorded);
    if (!sent.ok()) AppLog().warn("mail #{} to account {} not sent: {}", m.id, m.account_id, sent.detail());
  }
  return Status::Ok();
}

}  // namespace tianshan::notifications
