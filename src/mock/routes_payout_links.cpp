// /api/1.0/payout-links…: create, list, get, cancel, and the "payout_link" seed kind.
//
// Rules: a new link pays from an existing account in its currency (404 / 400 otherwise), for
// 1 to 2500 units, expiring after P1D..P7D (default P7D); it is created and at once active
// (PayoutLinkCreated, then PayoutLinkStateChanged created -> active). A repeated request_id
// returns the original link. Only an active or awaiting link can be cancelled (400
// otherwise); an unclaimed link past its expiry_date becomes expired when next read. Lists
// are newest first, created_before exclusive, filtered by any number of `state` values.
// The emulator does not block the amount on the account.

#include "mock/counterparty_routes.hpp"
#include "mock/json_responses.hpp"
#include "mock/random_text.hpp"
#include "mock/routes.hpp"

#include "json/exact_json.hpp"

#include <revolut/enums.hpp>
#include <revolut/error.hpp>

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <utility>
#include <variant>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t required_missing = 3009;
constexpr std::size_t max_list_limit = 1000;
// The amount range the spec gives (in GBP; the emulator applies it to every currency).
constexpr std::int64_t min_amount = 1;
constexpr std::int64_t max_amount = 2500;
constexpr std::array<std::string_view, 3> payout_methods{"revolut", "bank_account", "card"};

Response bad_request(std::string_view message, std::int64_t code = g3::validation_error) {
    return g3::error(http::status::bad_request, code, message);
}

Response not_found() {
    return g3::error(http::status::not_found, g3::not_found_code, "Resource not found");
}

bool is_state(std::string_view text) {
    return OpenEnum<PayoutLinkState>::parse(text).is_known();
}

json::object link_json(const StoredPayoutLink& l) {
    json::object o{{"id", l.id.to_string()},
                   {"state", l.state},
                   {"created_at", format_timestamp(l.created_at)},
                   {"updated_at", format_timestamp(l.updated_at)},
                   {"counterparty_name", l.counterparty_name},
                   {"save_counterparty", l.save_counterparty},
                   {"request_id", l.request_id},
                   {"expiry_date", format_timestamp(l.expiry_date)}};
    json::array methods;
    for (const auto& m : l.payout_methods) methods.emplace_back(m);
    o["payout_methods"] = std::move(methods);
    o["account_id"] = l.account_id.to_string();
    o["amount"] = json::value_from(l.amount);
    o["currency"] = l.currency;
    if (l.state == "active") o["url"] = l.url;
    o["reference"] = l.reference;
    if (l.transfer_reason_code) o["transfer_reason_code"] = *l.transfer_reason_code;
    if (l.counterparty_id) o["counterparty_id"] = l.counterparty_id->to_string();
    if (l.transaction_id) o["transaction_id"] = l.transaction_id->to_string();
    return o;
}

void change_state(State& state, StoredPayoutLink& link, std::string to, Timestamp now) {
    webhook::PayoutLinkStateChanged changed;
    changed.id = link.id.to_string();
    changed.request_id = link.request_id;
    changed.old_state = OpenEnum<PayoutLinkState>::parse(link.state);
    changed.new_state = OpenEnum<PayoutLinkState>::parse(to);
    link.state = std::move(to);
    link.updated_at = now;
    state.emit(webhook::make_event(changed, now));
}

// Unclaimed links past their expiry date expire (checked whenever links are read).
void expire_links(State& state, Timestamp now) {
    for (auto& link : state.payout_links.all()) {
        const bool open = link.state == "created" || link.state == "awaiting" || link.state == "active";
        if (open && link.expiry_date <= now) change_state(state, link, "expired", now);
    }
}

std::variant<std::string, Response> required_text(const json::object& body, std::string_view key) {
    auto value = g3::read_string(body, key);
    if (auto* refusal = std::get_if<Response>(&value)) return std::move(*refusal);
    auto& text = std::get<std::optional<std::string>>(value);
    if (!text || text->empty()) return bad_request("Required '" + std::string(key) + "' is missing", required_missing);
    return std::move(*text);
}

// A link from a create request, as it is before activation (state created), or the refusal.
std::variant<StoredPayoutLink, Response> read_link(const State& state, const json::object& body, Timestamp now) {
    StoredPayoutLink link;
    std::string account_text;
    for (auto [key, target] : {std::pair{"counterparty_name", &link.counterparty_name},
                               std::pair{"request_id", &link.request_id}, std::pair{"account_id", &account_text},
                               std::pair{"currency", &link.currency}, std::pair{"reference", &link.reference}}) {
        auto value = required_text(body, key);
        if (auto* refusal = std::get_if<Response>(&value)) return std::move(*refusal);
        *target = std::move(std::get<std::string>(value));
    }
    auto account_id = Uuid::try_parse(account_text);
    if (!account_id)
        return bad_request("Value '" + account_text + "' is not in correct format for field 'account_id'");
    link.account_id = *account_id;
    const auto* amount_value = body.if_contains("amount");
    if (amount_value == nullptr || amount_value->is_null())
        return bad_request("Required 'amount' is missing", required_missing);
    auto amount = decimal_from_json(*amount_value);
    if (!amount || *amount < Decimal(min_amount) || *amount > Decimal(max_amount))
        return bad_request("The amount must be between 1 and 2500");
    link.amount = *amount;
    if (!g3::is_currency_code(link.currency)) return bad_request("'currency' must be an ISO 4217 code");
    if (link.reference.size() > 100) return bad_request("'reference' must be at most 100 characters");

    link.payout_methods = {"revolut", "bank_account"};
    if (const auto* value = body.if_contains("payout_methods"); value && !value->is_null()) {
        const auto* list = value->if_array();
        if (list == nullptr || list->empty()) return bad_request("'payout_methods' must be a non-empty array");
        link.payout_methods.clear();
        for (const auto& item : *list) {
            const auto* name = plain_string(item);
            if (!name || std::find(payout_methods.begin(), payout_methods.end(), std::string_view(*name)) ==
                             payout_methods.end())
                return bad_request("'payout_methods' items must be revolut, bank_account or card");
            link.payout_methods.emplace_back(*name);
        }
    }
    if (const auto* value = body.if_contains("save_counterparty"); value && !value->is_null()) {
        if (!value->is_bool()) return bad_request("'save_counterparty' must be a boolean");
        link.save_counterparty = value->get_bool();
    }
    std::chrono::seconds period = std::chrono::days(7);
    if (const auto* value = body.if_contains("expiry_period"); value && !value->is_null()) {
        const auto* text = plain_string(*value);
        std::optional<std::chrono::seconds> parsed;
        if (text) {
            try {
                parsed = parse_duration(*text);
            } catch (const Error&) {
            }
        }
        if (!parsed || *parsed < std::chrono::days(1) || *parsed > std::chrono::days(7))
            return bad_request("'expiry_period' must be an ISO 8601 duration from P1D to P7D");
        period = *parsed;
    }
    auto reason = g3::read_string(body, "transfer_reason_code");
    if (auto* refusal = std::get_if<Response>(&reason)) return std::move(*refusal);
    link.transfer_reason_code = std::get<std::optional<std::string>>(reason);

    const auto* account = state.accounts.find(link.account_id);
    if (account == nullptr) return g3::error(http::status::not_found, g3::not_found_code, "Account not found");
    if (account->currency != link.currency) return bad_request("'currency' must be the account's currency");

    link.id = Uuid::random();
    link.state = "created";
    link.created_at = link.updated_at = now;
    link.expiry_date = now + period;
    link.url = "https://business.revolut.com/p/" + random_alphanumeric(11);
    return link;
}

Response create_link(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Cannot parse request: invalid JSON");
    expire_links(ctx.state, ctx.now);
    auto read = read_link(ctx.state, *body, ctx.now);
    if (auto* refusal = std::get_if<Response>(&read)) return std::move(*refusal);
    auto& link = std::get<StoredPayoutLink>(read);
    // Idempotency: the same request_id gets the original link, nothing new happens.
    if (const auto* original = ctx.state.payout_links.find_by_request_id(link.request_id))
        return json_response(http::status::created, link_json(*original));

    auto& stored = ctx.state.payout_links.add(std::move(link));
    webhook::PayoutLinkCreated created;
    created.id = stored.id.to_string();
    created.state = PayoutLinkState::created;
    created.request_id = stored.request_id;
    ctx.state.emit(webhook::make_event(created, ctx.now));
    change_state(ctx.state, stored, "active", ctx.now);
    return json_response(http::status::created, link_json(stored));
}

Response list_links(const RouteContext& ctx) {
    auto page = g3::read_page_params(ctx, max_list_limit);
    if (auto* refusal = std::get_if<Response>(&page)) return std::move(*refusal);
    const auto& params = std::get<g3::PageParams>(page);
    std::vector<std::string> states;
    for (auto param : ctx.target.params()) {
        if (param.key != "state") continue;
        if (!is_state(param.value)) return bad_request("Invalid state: " + std::string(param.value), g3::parameter_error);
        states.emplace_back(param.value);
    }
    expire_links(ctx.state, ctx.now);

    // Newest first; among equal created_at, the later created first (a stable order).
    const auto& all = ctx.state.payout_links.all();
    std::vector<const StoredPayoutLink*> selected;
    for (std::size_t i = all.size(); i-- > 0;) {
        const auto& link = all[i];
        if (link.created_at >= params.created_before) continue;
        if (!states.empty() && std::find(states.begin(), states.end(), link.state) == states.end()) continue;
        selected.push_back(&link);
    }
    std::stable_sort(selected.begin(), selected.end(),
                     [](const auto* a, const auto* b) { return a->created_at > b->created_at; });
    json::array array;
    for (std::size_t i = 0; i < selected.size() && i < params.limit; ++i) array.push_back(link_json(*selected[i]));
    return json_response(http::status::ok, array);
}

StoredPayoutLink* find_link(const RouteContext& ctx) {
    expire_links(ctx.state, ctx.now);
    auto id = Uuid::try_parse(ctx.path_param("payout_link_id"));
    return id ? ctx.state.payout_links.find(*id) : nullptr;
}

Response get_link(const RouteContext& ctx) {
    const auto* link = find_link(ctx);
    if (link == nullptr) return not_found();
    return json_response(http::status::ok, link_json(*link));
}

Response cancel_link(const RouteContext& ctx) {
    auto* link = find_link(ctx);
    if (link == nullptr) return not_found();
    if (link->state != "active" && link->state != "awaiting")
        return bad_request("Payout link in state '" + link->state + "' cannot be cancelled");
    change_state(ctx.state, *link, "cancelled", ctx.now);
    return empty_response(http::status::no_content);
}

// seed("payout_link", {create body…, "state": "processed", "created_at": "…"}): a link at a
// given time and in any state, without events (pagination and state-rule tests).
json::value seed_link(State& state, const json::value& data, Timestamp now) {
    const auto* body = data.if_object();
    if (body == nullptr) throw Error(make_error_code(Errc::invalid_argument), "seed payout_link: an object");
    auto read = read_link(state, *body, g3::seed_created_at(*body, now));
    if (auto* refusal = std::get_if<Response>(&read)) g3::refuse_seed("payout_link", *refusal);
    auto& link = std::get<StoredPayoutLink>(read);
    link.state = "active";
    if (const auto* value = body->if_contains("state"); value && value->is_string()) {
        if (!is_state(value->get_string()))
            throw Error(make_error_code(Errc::invalid_argument), "seed payout_link: unknown state");
        link.state = std::string(value->get_string());
    }
    if (state.payout_links.find_by_request_id(link.request_id))
        throw Error(make_error_code(Errc::invalid_argument), "seed payout_link: request_id already used");
    return link_json(state.payout_links.add(std::move(link)));
}

}  // namespace

void add_payout_links_routes(Router& router) {
    router.add(http::verb::post, "/api/1.0/payout-links", Access::bearer_token, create_link);
    router.add(http::verb::get, "/api/1.0/payout-links", Access::bearer_token, list_links);
    router.add(http::verb::get, "/api/1.0/payout-links/{payout_link_id}", Access::bearer_token, get_link);
    router.add(http::verb::post, "/api/1.0/payout-links/{payout_link_id}/cancel", Access::bearer_token, cancel_link);
    router.add_seeder("payout_link", seed_link);
}

}  // namespace revolut::mock
