// /api/1.0/card-invitations…: create (idempotent by request_id for 24 hours, only for team
// members still in state `created`), list with state filters and created_before/limit
// paging, get, update and cancel (both only while `created`; a cancelled invitation is
// `expired`).
//
// Seeder "card_invitation" (mock::Server::seed): an invitation in any state, e.g.
// `redeemed` with its `card_id`, or several sharing one `created_at`. Data: holder_id,
// state, created_at, expiry_date, card_id and the create body's controls; returns the
// invitation as GET returns it.

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include <revolut/error.hpp>

#include <array>
#include <charconv>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t validation_error = 3000;
constexpr std::int64_t parameter_error = 2101;
constexpr std::int64_t team_member_not_found = 3042;
constexpr std::int64_t invitation_not_found = 3088;
constexpr std::size_t max_request_id_length = 40;
constexpr std::size_t max_invitations_limit = 100;
constexpr int min_expiry_days = 1;
constexpr int max_expiry_days = 90;
constexpr std::array<std::string_view, 4> states{"created", "expired", "failed", "redeemed"};

Response bad_request(std::int64_t code, std::string_view message) {
    return error_response(http::status::bad_request, code, message);
}

Response unprocessable(std::string message) {
    return rule_response(RuleError{422, std::nullopt, std::move(message)});
}

const json::value* present(const json::object& body, std::string_view key) {
    const auto* v = body.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
}

// The path's invitation: a 400 when the id is not a UUID, a 404 (with `not_found_code`)
// when there is none.
std::variant<StoredCardInvitation*, Response> find_invitation(const RouteContext& ctx, std::int64_t not_found_code) {
    auto text = ctx.path_param("card_invitation_id");
    auto id = Uuid::try_parse(text);
    if (!id) return bad_request(parameter_error, "Invalid path parameter 'id': expected UUID");
    auto* invitation = ctx.state.card_invitations.find(*id, ctx.now);
    if (!invitation)
        return error_response(http::status::not_found, not_found_code,
                              "Card invitation '" + std::string(text) + "' not found");
    return invitation;
}

// `P<days>D`, 1 to 90 days.
std::optional<int> read_expiry_days(const json::value& value) {
    const auto* text = plain_string(value);
    if (!text || text->size() < 3 || text->front() != 'P' || text->back() != 'D') return std::nullopt;
    int days = 0;
    const char* first = text->data() + 1;
    const char* last = text->data() + text->size() - 1;
    auto [ptr, ec] = std::from_chars(first, last, days);
    if (ec != std::errc{} || ptr != last || days < min_expiry_days || days > max_expiry_days) return std::nullopt;
    return days;
}

Response create_invitation(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request(validation_error, "Cannot parse request: invalid JSON");
    const auto* key = present(*body, "request_id");
    const auto* request_id = key ? plain_string(*key) : nullptr;
    if (!request_id || request_id->empty()) return bad_request(validation_error, "request_id is required");
    if (request_id->size() > max_request_id_length)
        return bad_request(validation_error, "request_id must not be longer than 40 characters");
    auto& store = ctx.state.card_invitations;
    if (auto* existing = store.find_by_request_id(std::string(*request_id), ctx.now))
        return json_response(http::status::ok, card_invitation_json(*existing));

    const auto* holder = present(*body, "holder_id");
    const auto* holder_text = holder ? plain_string(*holder) : nullptr;
    auto holder_id = holder_text ? Uuid::try_parse(*holder_text) : std::nullopt;
    if (!holder_id) return bad_request(validation_error, "holder_id is required and must be a UUID");
    const auto* is_virtual = present(*body, "virtual");
    if (!is_virtual || !is_virtual->is_bool() || !is_virtual->get_bool())
        return bad_request(validation_error, "virtual must be true: only virtual cards can be created");
    int days = max_expiry_days;
    if (const auto* v = present(*body, "expiry_period")) {
        auto parsed = read_expiry_days(*v);
        if (!parsed) return bad_request(validation_error, "expiry_period must be between PT24H and PT2160H");
        days = *parsed;
    }
    const auto* member = ctx.state.team.find_member(*holder_id);
    if (!member) return error_response(http::status::not_found, team_member_not_found, "Team member not found");
    if (member->state != "created") return unprocessable("Card invitations are only allowed for users in created state");

    StoredCardInvitation invitation;
    invitation.request_id = std::string(*request_id);
    invitation.holder_id = holder_id;
    invitation.expiry_date = ctx.now + std::chrono::days(days);
    invitation.controls.label = "Virtual";  // the spec's default label
    if (auto error = apply_controls(*body, false, ctx.state.accounts, ctx.now, invitation.controls))
        return rule_response(*error);
    return json_response(http::status::ok, card_invitation_json(store.add(std::move(invitation), ctx.now)));
}

// `state` is repeatable (state=a&state=b); comma-separated values are read too.
std::optional<Response> read_states(const RouteContext& ctx, std::vector<std::string>& wanted) {
    for (auto param : ctx.target.params()) {
        if (param.key != "state") continue;
        std::string_view values = param.value;
        while (!values.empty()) {
            auto comma = values.find(',');
            auto value = values.substr(0, comma);
            if (std::find(states.begin(), states.end(), value) == states.end())
                return bad_request(parameter_error, "Invalid card invitation state: " + std::string(value));
            wanted.emplace_back(value);
            values.remove_prefix(comma == std::string_view::npos ? values.size() : comma + 1);
        }
    }
    return std::nullopt;
}

Response list_invitations(const RouteContext& ctx) {
    auto page = read_created_before_page(ctx.query_param("created_before"), ctx.query_param("limit"), ctx.now,
                                         max_invitations_limit);
    if (auto* error = std::get_if<RuleError>(&page)) return rule_response(*error);
    std::vector<std::string> wanted;
    if (auto error = read_states(ctx, wanted)) return std::move(*error);
    auto keep = [&](const StoredCardInvitation& i) {
        return wanted.empty() || std::find(wanted.begin(), wanted.end(), i.state) != wanted.end();
    };
    json::array array;
    for (const auto* invitation :
         newest_first(ctx.state.card_invitations.all(ctx.now), std::get<CreatedBeforePage>(page), keep))
        array.push_back(card_invitation_json(*invitation));
    return json_response(http::status::ok, array);
}

Response get_invitation(const RouteContext& ctx) {
    auto found = find_invitation(ctx, 1214);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    return json_response(http::status::ok, card_invitation_json(*std::get<StoredCardInvitation*>(found)));
}

Response update_invitation(const RouteContext& ctx) {
    auto found = find_invitation(ctx, invitation_not_found);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    auto& invitation = *std::get<StoredCardInvitation*>(found);
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request(validation_error, "Cannot parse request: invalid JSON");
    if (!has_control_fields(*body)) return bad_request(1112, "Specify at least one parameter for card update");
    if (invitation.state != "created")
        return unprocessable("Unable to update card invitation with state=" + invitation.state);
    if (auto error = apply_controls(*body, true, ctx.state.accounts, ctx.now, invitation.controls))
        return rule_response(*error);
    invitation.updated_at = ctx.now;
    return json_response(http::status::ok, card_invitation_json(invitation));
}

Response cancel_invitation(const RouteContext& ctx) {
    auto found = find_invitation(ctx, invitation_not_found);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    auto& invitation = *std::get<StoredCardInvitation*>(found);
    if (invitation.state != "created")
        return unprocessable("Unable to cancel card invitation with state=" + invitation.state);
    invitation.state = "expired";
    invitation.updated_at = ctx.now;
    return empty_response(http::status::no_content);
}

Timestamp seed_time(const json::object& o, std::string_view key, Timestamp fallback) {
    const auto* v = present(o, key);
    if (!v) return fallback;
    if (!v->is_string()) throw Error(make_error_code(Errc::invalid_argument), "card_invitation seed: bad " + std::string(key));
    return parse_timestamp(v->get_string());
}

json::value seed_invitation(State& state, const json::value& data, Timestamp now) {
    const auto* body = data.if_object();
    if (!body) throw Error(make_error_code(Errc::invalid_argument), "card_invitation seed data must be a JSON object");
    StoredCardInvitation invitation;
    if (const auto* v = present(*body, "holder_id"); v && v->is_string()) invitation.holder_id = Uuid(v->get_string());
    if (const auto* v = present(*body, "card_id"); v && v->is_string()) invitation.card_id = Uuid(v->get_string());
    if (const auto* v = present(*body, "state"); v && v->is_string()) invitation.state = std::string(v->get_string());
    if (std::find(states.begin(), states.end(), invitation.state) == states.end())
        throw Error(make_error_code(Errc::invalid_argument), "card_invitation seed: unknown state");
    invitation.created_at = seed_time(*body, "created_at", now);
    invitation.expiry_date = seed_time(*body, "expiry_date", invitation.created_at + std::chrono::days(max_expiry_days));
    invitation.controls.label = "Virtual";
    // Seeds may hold dates in the past: the controls are checked as of a day long ago.
    if (auto error = apply_controls(*body, false, state.accounts, Timestamp{}, invitation.controls))
        throw Error(make_error_code(Errc::invalid_argument), "card_invitation seed: " + error->message);
    return card_invitation_json(state.card_invitations.add(std::move(invitation), now));
}

}  // namespace

void add_card_invitations_routes(Router& router) {
    constexpr std::string_view collection = "/api/1.0/card-invitations";
    constexpr std::string_view item = "/api/1.0/card-invitations/{card_invitation_id}";
    router.add(http::verb::post, collection, Access::bearer_token, create_invitation);
    router.add(http::verb::get, collection, Access::bearer_token, list_invitations);
    router.add(http::verb::get, item, Access::bearer_token, get_invitation);
    router.add(http::verb::patch, item, Access::bearer_token, update_invitation);
    router.add(http::verb::post, "/api/1.0/card-invitations/{card_invitation_id}/cancel", Access::bearer_token,
               cancel_invitation);
    router.add_seeder("card_invitation", seed_invitation);
}

}  // namespace revolut::mock
