// Team members: request building and input validation (nothing is sent when it fails).
// These work in production and in the sandbox (the spec lists both servers).
#include <revolut/api/team_members.hpp>
#include <revolut/error.hpp>

#include "api/target.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

namespace revolut::detail::team_members {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;

namespace {

constexpr int max_limit = 1000;

[[noreturn]] void invalid(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), what);
}

ApiRequest list(std::string_view collection, const std::optional<CreatedBefore>& created_before,
                std::optional<int> limit) {
    api::QueryParams query;
    if (created_before) query.emplace_back("created_before", format_timestamp(created_before_time(*created_before)));
    if (limit) {
        if (*limit < 1 || *limit > max_limit) invalid("limit must be between 1 and 1000, got " + std::to_string(*limit));
        query.emplace_back("limit", std::to_string(*limit));
    }
    return {http::verb::get, make_target({"1.0", collection}, query), std::nullopt};
}

// A plausible address: something@domain, no spaces. Revolut does the real check.
void check_email(const std::string& email) {
    const auto at = email.find('@');
    const bool plausible = at != std::string::npos && at > 0 && at + 1 < email.size() &&
                           email.find('@', at + 1) == std::string::npos &&
                           std::none_of(email.begin(), email.end(), [](char c) {
                               return c == ' ' || c == '\t' || c == '\r' || c == '\n';
                           });
    if (!plausible) invalid("email must be an address such as name@example.com");
}

}  // namespace

Timestamp created_before_time(const CreatedBefore& created_before) {
    return std::holds_alternative<Timestamp>(created_before) ? std::get<Timestamp>(created_before)
                                                             : parse_timestamp(std::get<std::string>(created_before));
}

ApiRequest get_team_members(const std::optional<CreatedBefore>& created_before, std::optional<int> limit) {
    return list("team-members", created_before, limit);
}

ApiRequest get_team_roles(const std::optional<CreatedBefore>& created_before, std::optional<int> limit) {
    return list("roles", created_before, limit);
}

ApiRequest invite_team_member(const std::string& email, const std::string& role_id) {
    check_email(email);
    if (role_id.empty()) invalid("role_id must not be empty (see get_team_roles)");
    json::object body{{"email", email}, {"role_id", role_id}};
    return {http::verb::post, make_target({"1.0", "team-members"}), json::serialize(body)};
}

ApiRequest delete_team_member(const Uuid& team_member_id) {
    if (team_member_id.is_nil()) invalid("team_member_id must not be the nil UUID");
    return {http::verb::delete_, make_target({"1.0", "team-members", team_member_id.to_string()}), std::nullopt};
}

}  // namespace revolut::detail::team_members
