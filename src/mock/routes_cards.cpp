// /api/1.0/cards…: the twelve card operations with the spec's rules: three kinds of virtual
// card (team member, company, auto-issued), idempotent creation by request_id (24 hours),
// state changes (active ⇄ frozen, locked ⇄ active), spend controls, contacts, references
// (ten changes at most), sensitive details, termination.
//
// Seeder "card" (mock::Server::seed): a card no API call can make, e.g. a physical one or
// several sharing one created_at. Data: the create body's fields (holder_id, contact_ids,
// product, label, references, controls; no request_id needed) plus optional `virtual`,
// `state` and `created_at`. Returns the card as GET returns it.

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <set>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t validation_error = 3000;
constexpr std::int64_t parameter_error = 2101;
constexpr std::int64_t card_not_found = 1214;
constexpr std::int64_t team_member_not_found = 3042;
constexpr std::size_t max_request_id_length = 40;
constexpr std::size_t max_contacts = 5;
constexpr std::size_t max_references = 5;
constexpr std::size_t max_reference_text = 30;
constexpr std::size_t max_cards_limit = 100;

Response bad_request(std::int64_t code, std::string_view message) {
    return error_response(http::status::bad_request, code, message);
}

Response invalid_json() { return bad_request(validation_error, "Cannot parse request: invalid JSON"); }

// The `{card_id}` of the path: a 400 when it is not a UUID, a 404 when there is no such card.
std::variant<StoredCard*, Response> find_card(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("card_id"));
    if (!id) return bad_request(parameter_error, "Invalid path parameter 'id': expected UUID");
    auto* card = ctx.state.cards.find(*id);
    if (!card) return error_response(http::status::not_found, card_not_found, "Card not found");
    return card;
}

std::optional<RuleError> read_uuid_list(const json::value& value, std::string_view field, std::vector<Uuid>& out) {
    const auto* array = value.if_array();
    if (!array) return RuleError{400, validation_error, "'" + std::string(field) + "' must be an array"};
    out.clear();
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto* text = plain_string((*array)[i]);
        auto id = text ? Uuid::try_parse(*text) : std::nullopt;
        if (!id) return RuleError{400, validation_error, "Value of field '[" + std::to_string(i) + "]' is not in correct format"};
        out.push_back(*id);
    }
    return std::nullopt;
}

// 1..5 distinct contacts, each a member of the team.
std::optional<RuleError> read_contacts(const json::value& value, const TeamStore& team, std::vector<Uuid>& out) {
    if (auto error = read_uuid_list(value, "contact_ids", out)) return error;
    if (out.empty() || out.size() > max_contacts)
        return RuleError{400, parameter_error, "Card contacts size must be between 1 and 5"};
    if (std::set<Uuid>(out.begin(), out.end()).size() != out.size())
        return RuleError{400, parameter_error, "Card contacts must be unique"};
    for (const auto& id : out)
        if (!team.find_member(id)) return RuleError{400, parameter_error, "Unable to attach contactIds"};
    return std::nullopt;
}

std::optional<RuleError> read_references(const json::value& value,
                                         std::vector<std::pair<std::string, std::string>>& out) {
    const auto* array = value.if_array();
    if (!array) return RuleError{400, validation_error, "'references' must be an array"};
    if (array->size() > max_references)
        return RuleError{400, validation_error, "references size must be not greater than 5"};
    std::vector<std::pair<std::string, std::string>> refs;
    std::set<std::string> names;
    for (const auto& item : *array) {
        const auto* o = item.if_object();
        const auto* name = o && o->contains("name") ? plain_string(o->at("name")) : nullptr;
        const auto* text = o && o->contains("value") ? plain_string(o->at("value")) : nullptr;
        if (!name || name->empty()) return RuleError{400, validation_error, "name must not be empty"};
        if (!text || text->empty()) return RuleError{400, validation_error, "value must not be empty"};
        if (text_length(*name) > max_reference_text) return RuleError{400, validation_error, "name cannot be longer than 30"};
        if (text_length(*text) > max_reference_text) return RuleError{400, validation_error, "value cannot be longer than 30"};
        if (!names.insert(std::string(*name)).second)
            return RuleError{400, parameter_error, "Reference names must be unique"};
        refs.emplace_back(std::string(*name), std::string(*text));
    }
    out = std::move(refs);
    return std::nullopt;
}

const json::value* present(const json::object& body, std::string_view key) {
    const auto* v = body.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
}

// Who holds the card, its contacts, product and references: the kind-of-card rules.
std::optional<RuleError> read_card_kind(const json::object& body, const TeamStore& team, StoredCard& card) {
    if (const auto* v = present(body, "holder_id")) {
        const auto* text = plain_string(*v);
        card.holder_id = text ? Uuid::try_parse(*text) : std::nullopt;
        if (!card.holder_id) return RuleError{400, validation_error, "holder_id must be a UUID"};
        if (!team.find_member(*card.holder_id)) return RuleError{404, team_member_not_found, "Team member not found"};
    }
    if (const auto* v = present(body, "contact_ids"))
        if (auto error = read_contacts(*v, team, card.contact_ids)) return error;
    if (const auto* v = present(body, "product")) {
        const auto* code = v->is_object() && v->get_object().contains("code") ? plain_string(v->at("code")) : nullptr;
        if (!code || code->empty()) return RuleError{400, validation_error, "product.code is required"};
        card.product_code = std::string(*code);
    }
    if (const auto* v = present(body, "references"))
        if (auto error = read_references(*v, card.references)) return error;
    if (card.holder_id) {
        if (!card.contact_ids.empty() || card.product_code)
            return RuleError{400, validation_error, "Both contact_ids and product must be empty when holder_id is present"};
        if (!card.references.empty())
            return RuleError{400, validation_error, "references must be empty when holder_id is present"};
    } else if (card.contact_ids.empty() && !card.product_code) {
        return RuleError{400, validation_error, "Either contact_ids or product must be present when holder_id is empty"};
    }
    return std::nullopt;
}

std::optional<RuleError> read_request_id(const json::object& body, std::string& request_id) {
    const auto* v = present(body, "request_id");
    const auto* text = v ? plain_string(*v) : nullptr;
    if (!text || text->empty()) return RuleError{400, validation_error, "request_id is required"};
    if (text->size() > max_request_id_length)
        return RuleError{400, validation_error, "request_id must not be longer than 40 characters"};
    request_id = std::string(*text);
    return std::nullopt;
}

Response create_card(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return invalid_json();
    StoredCard card;
    if (auto error = read_request_id(*body, card.request_id)) return rule_response(*error);
    // A retry of a request already served: the same card, not a second one.
    if (auto* existing = ctx.state.cards.find_by_request_id(card.request_id, ctx.now))
        return json_response(http::status::ok, card_json(*existing));
    const auto* is_virtual = present(*body, "virtual");
    if (!is_virtual || !is_virtual->is_bool() || !is_virtual->get_bool())
        return bad_request(validation_error, "virtual must be true: only virtual cards can be created");
    if (auto error = read_card_kind(*body, ctx.state.team, card)) return rule_response(*error);
    if (auto error = apply_controls(*body, false, ctx.state.accounts, ctx.now, card.controls))
        return rule_response(*error);
    auto& stored = ctx.state.cards.add(std::move(card), ctx.now);
    ctx.state.cards.apply_spending_period(stored, ctx.now);
    return json_response(http::status::ok, card_json(stored));
}

Response list_cards(const RouteContext& ctx) {
    auto page = read_created_before_page(ctx.query_param("created_before"), ctx.query_param("limit"), ctx.now,
                                         max_cards_limit);
    if (auto* error = std::get_if<RuleError>(&page)) return rule_response(*error);
    json::array array;
    for (const auto* card : newest_first(ctx.state.cards.all(), std::get<CreatedBeforePage>(page),
                                         [](const StoredCard&) { return true; }))
        array.push_back(card_json(*card));
    return json_response(http::status::ok, array);
}

Response get_card(const RouteContext& ctx) {
    auto found = find_card(ctx);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    return json_response(http::status::ok, card_json(*std::get<StoredCard*>(found)));
}

Response get_sensitive_details(const RouteContext& ctx) {
    auto found = find_card(ctx);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    const auto& card = *std::get<StoredCard*>(found);
    return json_response(http::status::ok, json::object{{"pan", card.pan}, {"cvv", card.cvv}, {"expiry", card.expiry}});
}

Response update_card(const RouteContext& ctx) {
    auto found = find_card(ctx);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    auto& card = *std::get<StoredCard*>(found);
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return invalid_json();
    if (!has_control_fields(*body)) return bad_request(1112, "Specify at least one parameter for card update");
    if (auto error = apply_controls(*body, true, ctx.state.accounts, ctx.now, card.controls))
        return rule_response(*error);
    card.updated_at = ctx.now;
    ctx.state.cards.apply_spending_period(card, ctx.now);
    return json_response(http::status::ok, card_json(card));
}

Response delete_card(const RouteContext& ctx) {
    auto found = find_card(ctx);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    ctx.state.cards.remove(std::get<StoredCard*>(found)->id);
    return empty_response(http::status::no_content);
}

// PUT bodies are bare JSON arrays.
std::optional<json::value> parse_array(std::string_view text) {
    boost::system::error_code ec;
    auto value = json::parse(text, ec);
    if (ec || !value.is_array()) return std::nullopt;
    return value;
}

Response update_contacts(const RouteContext& ctx) {
    auto found = find_card(ctx);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    auto& card = *std::get<StoredCard*>(found);
    auto body = parse_array(ctx.request.body());
    if (!body) return invalid_json();
    if (card.contact_ids.empty())
        return error_response(http::status::unprocessable_entity, 33011,
                              "Card contacts are not supported for the card=" + card.id.to_string());
    std::vector<Uuid> contacts;
    if (auto error = read_contacts(*body, ctx.state.team, contacts)) return rule_response(*error);
    card.contact_ids = std::move(contacts);
    card.updated_at = ctx.now;
    json::array out;
    for (const auto& id : card.contact_ids) out.emplace_back(id.to_string());
    return json_response(http::status::ok, out);
}

Response update_references(const RouteContext& ctx) {
    auto found = find_card(ctx);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    auto& card = *std::get<StoredCard*>(found);
    auto body = parse_array(ctx.request.body());
    if (!body) return invalid_json();
    if (card.holder_id)
        return error_response(http::status::unprocessable_entity, 33012,
                              "Card references are not supported for the card=" + card.id.to_string());
    std::vector<std::pair<std::string, std::string>> references;
    if (auto error = read_references(*body, references)) return rule_response(*error);
    if (card.reference_updates >= CardStore::max_reference_updates)
        return error_response(http::status::unprocessable_entity, 3549, "Card references update limit exceeded");
    card.references = std::move(references);
    ++card.reference_updates;
    card.updated_at = ctx.now;
    json::array out;
    for (const auto& [name, value] : card.references) out.push_back(json::object{{"name", name}, {"value", value}});
    return json_response(http::status::ok, out);
}

using Transition = std::optional<RuleError> (CardStore::*)(StoredCard&, Timestamp);

RouteHandler state_change(Transition transition) {
    return [transition](const RouteContext& ctx) -> Response {
        auto found = find_card(ctx);
        if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
        if (auto error = (ctx.state.cards.*transition)(*std::get<StoredCard*>(found), ctx.now))
            return rule_response(*error);
        return empty_response(http::status::no_content);
    };
}

json::value seed_card(State& state, const json::value& data, Timestamp now) {
    const auto* body = data.if_object();
    if (!body) throw Error(make_error_code(Errc::invalid_argument), "card seed data must be a JSON object");
    auto fail = [](const RuleError& e) -> json::value {
        throw Error(make_error_code(Errc::invalid_argument), "card seed: " + e.message);
    };
    StoredCard card;
    if (auto error = read_card_kind(*body, state.team, card)) return fail(*error);
    // Seeds may hold dates in the past: the controls are checked as of a day long ago.
    if (auto error = apply_controls(*body, false, state.accounts, Timestamp{}, card.controls)) return fail(*error);
    if (const auto* v = present(*body, "virtual"); v && v->is_bool()) card.is_virtual = v->get_bool();
    if (const auto* v = present(*body, "state"); v && v->is_string()) card.state = std::string(v->get_string());
    if (card.state == "locked") card.lock_reason = LockReason::admin;
    if (const auto* v = present(*body, "created_at"); v && v->is_string())
        card.created_at = parse_timestamp(v->get_string());
    return card_json(state.cards.add(std::move(card), now));
}

}  // namespace

void add_cards_routes(Router& router) {
    constexpr std::string_view collection = "/api/1.0/cards";
    constexpr std::string_view item = "/api/1.0/cards/{card_id}";
    router.add(http::verb::get, collection, Access::bearer_token, list_cards);
    router.add(http::verb::post, collection, Access::bearer_token, create_card);
    router.add(http::verb::get, item, Access::bearer_token, get_card);
    router.add(http::verb::patch, item, Access::bearer_token, update_card);
    router.add(http::verb::delete_, item, Access::bearer_token, delete_card);
    router.add(http::verb::put, "/api/1.0/cards/{card_id}/contacts", Access::bearer_token, update_contacts);
    router.add(http::verb::put, "/api/1.0/cards/{card_id}/references", Access::bearer_token, update_references);
    router.add(http::verb::post, "/api/1.0/cards/{card_id}/freeze", Access::bearer_token,
               state_change(&CardStore::freeze));
    router.add(http::verb::post, "/api/1.0/cards/{card_id}/unfreeze", Access::bearer_token,
               state_change(&CardStore::unfreeze));
    router.add(http::verb::post, "/api/1.0/cards/{card_id}/lock", Access::bearer_token, state_change(&CardStore::lock));
    router.add(http::verb::post, "/api/1.0/cards/{card_id}/unlock", Access::bearer_token,
               state_change(&CardStore::unlock));
    router.add(http::verb::get, "/api/1.0/cards/{card_id}/sensitive-details", Access::bearer_token,
               get_sensitive_details);
    router.add_seeder("card", seed_card);
}

}  // namespace revolut::mock
