#include "modules/people/requests.h"

#include <charconv>

#include "http/search_header.h"
#include "modules/people/code_lists.h"

namespace tianshan::people {
namespace {

using http::HttpRequest;
using http::QueryReader;

// An identity number as typed: trimmed, a trailing x upper-cased (validated by the use case).
std::optional<std::string> IdentityField(ObjectReader& in) {
  auto raw = in.String("identity_number", false, 20);
  if (!raw) return std::nullopt;
  return NormalizeIdentityNumber(*raw);
}

// A nullable text field of a PATCH: absent → nullopt; null or "" → clear.
std::optional<std::optional<std::string>> Nullable(ObjectReader& in, const char* name, size_t max) {
  const auto* v = in.Raw(name);
  if (v == nullptr) return std::nullopt;
  if (v->IsNull()) return std::optional<std::string>();
  auto s = in.String(name, false, max);
  if (!s || s->empty()) return std::optional<std::string>();
  return s;
}

// ?ids=3,17,42: the people of a selection, at most kMaxSelection of them, each a positive id.
std::vector<int64_t> ReadIds(const HttpRequest& req, QueryReader& query) {
  std::vector<int64_t> ids;
  auto raw = req.Query("ids");
  if (!raw || raw->empty()) return ids;
  std::string_view s = *raw;
  for (;;) {  // every part between commas is an id: "1,", ",1" and "1,,2" are refused
    const size_t comma = s.find(',');
    std::string_view part = s.substr(0, comma);
    int64_t v = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || v <= 0) {
      query.AddError("ids", "people.bad_ids");
      return {};
    }
    ids.push_back(v);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  if (ids.size() > kMaxSelection) {
    query.AddError("ids", "people.too_many_ids", std::to_string(kMaxSelection));
    return {};
  }
  return ids;
}

// ?status= from `allowed`, `fallback` when absent.
std::string ReadStatus(QueryReader& query, const std::vector<std::string>& allowed, std::string fallback) {
  return query.OneOf("status", allowed, std::move(fallback));
}

}  // namespace

Result<ListPeopleInput> ParseListPeople(const HttpRequest& req) {
  ListPeopleInput in;
  TS_ASSIGN_OR_RETURN(in.organization_id, req.PathId("id"));
  QueryReader query(req);
  in.limit = query.Limit(kDefaultListLimit, kMaxListLimit);
  in.cursor = query.Cursor();  // its shape depends on the scope: checked by ListPeople (422)
  in.subtree = query.OneOf("scope", {"self", "subtree"}, "self") == "subtree";
  // The web's "all kinds" sends an empty kind.
  if (auto kind = req.Query("kind"); kind && !kind->empty())
    in.kind = query.OneOf("kind", {"member", "youth", "cadre"});
  // The term may be a name, an identity number or a phone number: a header, never ?q=.
  in.q = http::SearchHeader(req, query, "q", http::kSearchQueryHeader, kMaxName);
  if (auto v = req.Query("ethnicity"); v && !v->empty())
    in.ethnicity = query.OneOf("ethnicity", CodesOf(Ethnicities()));
  if (auto v = req.Query("education"); v && !v->empty()) in.education = query.OneOf("education", CodesOf(Educations()));
  in.ids = ReadIds(req, query);
  TS_RETURN_IF_ERROR(query.Finish());
  return in;
}

Result<ListTransfersInput> ParseListTransfers(const HttpRequest& req) {
  ListTransfersInput in;
  TS_ASSIGN_OR_RETURN(in.organization_id, req.PathId("id"));
  QueryReader query(req);
  in.limit = query.Limit(kDefaultListLimit, kMaxListLimit);
  in.after_id = query.IdCursor();
  if (!req.Query("direction")) query.AddError("direction", "field.required");
  in.incoming = query.OneOf("direction", {"incoming", "outgoing"}, "incoming") == "incoming";
  std::vector<std::string> statuses = TransferStatuses();
  statuses.push_back("all");
  in.status = ReadStatus(query, statuses, "pending");
  TS_RETURN_IF_ERROR(query.Finish());
  return in;
}

Result<ListCorrectionsInput> ParseListCorrections(const HttpRequest& req) {
  ListCorrectionsInput in;
  TS_ASSIGN_OR_RETURN(in.organization_id, req.PathId("id"));
  QueryReader query(req);
  in.limit = query.Limit(kDefaultListLimit, kMaxListLimit);
  in.after_id = query.IdCursor();
  in.status = ReadStatus(query, CorrectionStatuses(), "pending");
  TS_RETURN_IF_ERROR(query.Finish());
  return in;
}

Result<CreatePersonInput> ParseCreatePerson(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader in(doc);
  CreatePersonInput out;
  PersonFields& f = out.fields;
  f.name = in.String("name", true, kMaxName).value_or("");
  f.gender = in.OneOf("gender", true, Genders()).value_or("");
  f.birth_date = in.String("birth_date", true, 10).value_or("");
  f.ethnicity = in.String("ethnicity", false, kMaxText);
  f.phone = in.String("phone", false, 20);
  f.identity_number = IdentityField(in);
  f.education = in.String("education", false, kMaxText);
  f.occupation = in.String("occupation", false, kMaxText);
  f.employer = in.String("employer", false, kMaxText);
  out.organization_id = in.Int("organization_id", false, 1);
  if (const auto* m = in.Raw("membership"); m != nullptr && !m->IsNull()) {
    if (!m->IsObject()) {
      in.AddError("membership", "field.must_be_object");
    } else {
      ObjectReader mr(*m, "membership.");
      NewMembership nm;
      nm.organization_id = mr.Int("organization_id", true, 1).value_or(0);
      nm.member_since = mr.String("member_since", true, 10).value_or("");
      nm.member_number = mr.String("member_number", false, kMaxMemberNumber);
      const Status nested = mr.Finish();
      for (const auto& e : nested.field_errors()) in.AddError(e.field, e.message, e.param);
      out.membership = std::move(nm);
    }
  }
  TS_RETURN_IF_ERROR(in.Finish());
  return out;
}

Result<PersonPatch> ParsePersonPatch(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader in(doc);
  PersonPatch p;
  for (const char* locked : {"name", "identity_number"}) {
    if (in.Raw(locked) != nullptr) in.AddError(locked, "people.use_correction");
  }
  if (in.Has("gender")) p.gender = in.OneOf("gender", true, Genders());
  if (in.Has("birth_date")) p.birth_date = in.String("birth_date", true, 10);
  p.ethnicity = Nullable(in, "ethnicity", kMaxText);
  p.phone = Nullable(in, "phone", 20);
  p.education = Nullable(in, "education", kMaxText);
  p.occupation = Nullable(in, "occupation", kMaxText);
  p.employer = Nullable(in, "employer", kMaxText);
  TS_RETURN_IF_ERROR(in.Finish());
  return p;
}

Result<AppointPositionInput> ParseAppointPosition(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader in(doc);
  AppointPositionInput out;
  out.organization_id = in.Int("organization_id", true, 1).value_or(0);
  out.title = in.OneOf("title", true, PositionTitles()).value_or("");
  out.employment = in.OneOf("employment", true, Employments()).value_or("");
  out.started_on = in.String("started_on", true, 10).value_or("");
  TS_RETURN_IF_ERROR(in.Finish());
  return out;
}

Result<std::optional<std::string>> ParseEndPosition(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req, /*empty_is_object=*/true));
  ObjectReader in(doc);
  auto ended_on = in.String("ended_on", false, 10);
  TS_RETURN_IF_ERROR(in.Finish());
  return ended_on;
}

Result<StartTransferInput> ParseStartTransfer(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader in(doc);
  StartTransferInput out;
  out.person_id = in.Int("person_id", false, 1);
  out.identity_number = IdentityField(in);
  out.name = in.String("name", false, kMaxName);
  out.to_organization_id = in.Int("to_organization_id", true, 1).value_or(0);
  out.note = in.String("note", false, kMaxReason);
  TS_RETURN_IF_ERROR(in.Finish());
  return out;
}

Result<int64_t> ParseAcceptTransfer(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader in(doc);
  auto branch = in.Int("branch_id", true, 1);
  TS_RETURN_IF_ERROR(in.Finish());
  return *branch;
}

Result<std::string> ParseReason(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader in(doc);
  auto reason = in.String("reason", true, kMaxReason);
  TS_RETURN_IF_ERROR(in.Finish());
  return *reason;
}

Result<RequestCorrectionInput> ParseRequestCorrection(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader in(doc);
  RequestCorrectionInput out;
  out.name = in.String("name", false, kMaxName);
  out.identity_number = IdentityField(in);
  out.reason = in.String("reason", true, kMaxReason).value_or("");
  TS_RETURN_IF_ERROR(in.Finish());
  return out;
}

}  // namespace tianshan::people
