// /api/1.0/team-members…, /api/1.0/roles: list members and roles (newest first,
// created_before/limit 1..1000), invite a member (email, role) and delete one (not the
// owner). Deleting a member fails their open card invitations. Both environments.
//
// Seeders (mock::Server::seed): "team_member" {email, role_id, state, first_name,
// last_name, created_at} and "team_role" {id, name, created_at} (e.g. several sharing one
// created_at); each returns the object as the list returns it.

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include <revolut/error.hpp>

#include <algorithm>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t validation_error = 3000;
constexpr std::int64_t parameter_error = 2101;
constexpr std::int64_t resource_not_found = 3006;
constexpr std::int64_t role_not_found = 3053;
constexpr std::int64_t invalid_role = 3402;
constexpr std::int64_t already_invited = 33005;
constexpr std::int64_t cannot_modify_owner = 3547;
constexpr std::size_t max_limit = 1000;

Response bad_request(std::int64_t code, std::string_view message) {
    return error_response(http::status::bad_request, code, message);
}

// local@domain.tld with no spaces: what the emulator accepts as an address.
bool plausible_email(std::string_view email) {
    auto at = email.find('@');
    if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
    auto domain = email.substr(at + 1);
    auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
           std::none_of(email.begin(), email.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

template <class T, class ToJson>
Response list(const RouteContext& ctx, const std::vector<T>& items, ToJson to_json) {
    auto page = read_created_before_page(ctx.query_param("created_before"), ctx.query_param("limit"), ctx.now, max_limit);
    if (auto* error = std::get_if<RuleError>(&page)) return rule_response(*error);
    json::array array;
    for (const auto* item : newest_first(items, std::get<CreatedBeforePage>(page), [](const T&) { return true; }))
        array.push_back(to_json(*item));
    return json_response(http::status::ok, array);
}

Response list_members(const RouteContext& ctx) { return list(ctx, ctx.state.team.members(), team_member_json); }

Response list_roles(const RouteContext& ctx) { return list(ctx, ctx.state.team.roles(), role_json); }

Response invite_member(const RouteContext& ctx) {
    auto body = parse_json_object(ctx.request.body());
    if (!body) return bad_request(validation_error, "Cannot parse request: invalid JSON");
    const auto* email = body->contains("email") ? body->at("email").if_string() : nullptr;
    const auto* role_id = body->contains("role_id") ? body->at("role_id").if_string() : nullptr;
    // The API masks the address in its message; so does the emulator.
    if (!email || !plausible_email(*email)) return bad_request(validation_error, "Invalid email address: (masked)");
    if (!role_id || role_id->empty()) return bad_request(validation_error, "role_id is required");
    const std::string role(*role_id);
    if (!ctx.state.team.find_role(role)) {
        if (Uuid::try_parse(role)) return bad_request(role_not_found, "Business role " + role + " not found");
        return bad_request(invalid_role, "Invalid role: " + role);
    }
    if (ctx.state.team.find_member_by_email(std::string(*email)))
        return error_response(http::status::unprocessable_entity, already_invited,
                              "Team member with given email has already been invited.");
    StoredTeamMember member;
    member.email = std::string(*email);
    member.role_id = role;
    const auto& added = ctx.state.team.add_member(std::move(member), ctx.now);
    return json_response(http::status::created, json::object{{"email", added.email},
                                                             {"id", added.id.to_string()},
                                                             {"role_id", added.role_id},
                                                             {"created_at", format_timestamp(added.created_at)},
                                                             {"updated_at", format_timestamp(added.updated_at)}});
}

Response delete_member(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("team_member_id"));
    if (!id) return bad_request(parameter_error, "Invalid path parameter 'team_member_id': expected UUID");
    const auto* member = ctx.state.team.find_member(*id);
    if (!member) return error_response(http::status::not_found, resource_not_found, "Resource not found");
    if (member->role_id == "owner")
        return error_response(http::status::unprocessable_entity, cannot_modify_owner, "Cannot modify owner");
    ctx.state.team.remove_member(*id);
    ctx.state.card_invitations.holder_removed(*id, ctx.now);
    return empty_response(http::status::no_content);
}

std::optional<std::string> seed_text(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) throw Error(make_error_code(Errc::invalid_argument), "seed: '" + std::string(key) + "' must be a string");
    return std::string(v->get_string());
}

const json::object& seed_object(const json::value& data, std::string_view kind) {
    if (!data.is_object()) throw Error(make_error_code(Errc::invalid_argument), std::string(kind) + " seed data must be a JSON object");
    return data.get_object();
}

json::value seed_member(State& state, const json::value& data, Timestamp now) {
    const auto& o = seed_object(data, "team_member");
    StoredTeamMember member;
    member.email = seed_text(o, "email").value_or(Uuid::random().to_string() + "@example.com");
    member.role_id = seed_text(o, "role_id").value_or("member");
    member.state = seed_text(o, "state").value_or("active");
    member.first_name = seed_text(o, "first_name");
    member.last_name = seed_text(o, "last_name");
    if (auto created = seed_text(o, "created_at")) member.created_at = parse_timestamp(*created);
    if (!state.team.find_role(member.role_id))
        throw Error(make_error_code(Errc::invalid_argument), "team_member seed: unknown role " + member.role_id);
    return team_member_json(state.team.add_member(std::move(member), now));
}

json::value seed_role(State& state, const json::value& data, Timestamp now) {
    const auto& o = seed_object(data, "team_role");
    StoredRole role;
    role.id = seed_text(o, "id").value_or("");
    role.name = seed_text(o, "name").value_or("Custom role");
    if (auto created = seed_text(o, "created_at")) role.created_at = parse_timestamp(*created);
    if (!role.id.empty() && state.team.find_role(role.id))
        throw Error(make_error_code(Errc::invalid_argument), "team_role seed: the role " + role.id + " exists");
    return role_json(state.team.add_role(std::move(role), now));
}

}  // namespace

void add_team_members_routes(Router& router) {
    router.add(http::verb::get, "/api/1.0/team-members", Access::bearer_token, list_members);
    router.add(http::verb::post, "/api/1.0/team-members", Access::bearer_token, invite_member);
    router.add(http::verb::delete_, "/api/1.0/team-members/{team_member_id}", Access::bearer_token, delete_member);
    router.add(http::verb::get, "/api/1.0/roles", Access::bearer_token, list_roles);
    router.add_seeder("team_member", seed_member);
    router.add_seeder("team_role", seed_role);
}

}  // namespace revolut::mock
