#pragma once
// Status and Result<T>: errors as values at every boundary.
//
// A Status is either ok or a typed failure (NotFound, Invalid with field errors, Forbidden,
// Conflict, ...). The HTTP layer maps codes to statuses in one place (http/problem.cc).
// Messages are message keys (see core/messages.h) translated at the edge, so a use case never
// needs to know the caller's language.

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tianshan {

enum class StatusCode {
  kOk,
  kBadRequest,        // request is malformed (bad JSON, bad path id)
  kInvalid,           // well-formed but fails validation; field errors say why
  kUnauthorized,      // no valid session
  kForbidden,         // authenticated but not allowed (or CSRF failure)
  kNotFound,
  kConflict,          // unique violation, state conflict
  kPayloadTooLarge,
  kUnsupportedMediaType,
  kTooManyRequests,
  kRetry,             // transient storage conflict; the transaction runner retries
  kUnavailable,       // dependency (database) not answering
  kInternal,
};

struct FieldError {
  std::string field;    // JSON pointer-ish path: "login", "members[2].phone"
  std::string message;  // message key or literal message
  std::string param;    // optional parameter substituted for {} in the message
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status NotFound(std::string m = "error.not_found") { return {StatusCode::kNotFound, std::move(m)}; }
  static Status Forbidden(std::string m = "error.forbidden") { return {StatusCode::kForbidden, std::move(m)}; }
  static Status Unauthorized(std::string m = "error.unauthorized") {
    return {StatusCode::kUnauthorized, std::move(m)};
  }
  static Status Conflict(std::string m) { return {StatusCode::kConflict, std::move(m)}; }
  static Status BadRequest(std::string m) { return {StatusCode::kBadRequest, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status Retry(std::string m) { return {StatusCode::kRetry, std::move(m)}; }
  static Status Invalid(std::vector<FieldError> errors) {
    Status s(StatusCode::kInvalid, "error.validation");
    s.field_errors_ = std::move(errors);
    return s;
  }
  static Status Invalid(std::string field, std::string message, std::string param = {}) {
    return Invalid(std::vector<FieldError>{{std::move(field), std::move(message), std::move(param)}});
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& field_errors() const { return field_errors_; }
  Status& WithField(std::string field, std::string message, std::string param = {}) {
    field_errors_.push_back({std::move(field), std::move(message), std::move(param)});
    return *this;
  }
  // Extra detail (e.g. the constraint name of a unique violation); never shown to users raw.
  const std::string& detail() const { return detail_; }
  Status& WithDetail(std::string d) {
    detail_ = std::move(d);
    return *this;
  }
  // Substituted for {} in the translated message (e.g. the name of a conflicting record).
  const std::string& param() const { return param_; }
  Status& WithParam(std::string p) {
    param_ = std::move(p);
    return *this;
  }
  void IgnoreError() const {}
  // Lets TS_RETURN_IF_ERROR treat Status and Result<T> alike.
  const Status& status() const { return *this; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string detail_;
  std::string param_;
  std::vector<FieldError> field_errors_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result built from an ok Status carries no value");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace tianshan

// Propagates a failed Status (or Result) out of the current function.
#define TS_RETURN_IF_ERROR(expr)                    \
  do {                                              \
    auto ts_status_ = (expr);                       \
    if (!ts_status_.ok()) return ts_status_.status(); \
  } while (0)

#define TS_CONCAT_INNER(a, b) a##b
#define TS_CONCAT(a, b) TS_CONCAT_INNER(a, b)
// Declares `lhs` from a Result<T> expression, or returns its failure.
#define TS_ASSIGN_OR_RETURN(lhs, expr) TS_ASSIGN_OR_RETURN_IMPL(TS_CONCAT(ts_result_, __LINE__), lhs, expr)
#define TS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
