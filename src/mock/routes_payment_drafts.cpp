// /api/1.0/payment-drafts…: drafts and their payments, and the "payment_draft" seed kind.
//
// Rules: every payment pays from an existing account to an existing counterparty (404, code
// 3006, otherwise), to the receiver account given, or its only account; the payment's currency
// must be that account's (400, code 3452). A charge bearer is refused on bulk drafts (400,
// 2101). A draft without payments is not stored (204). Drafts from integrations or email
// cannot be changed (422, 3100), nor processed ones (422, 3417); processed drafts are not
// listed. `source` filters the list (default api). Error bodies carry an error_id.

#include "mock/counterparty_routes.hpp"
#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include "json/exact_json.hpp"

#include <revolut/error.hpp>

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

#include <chrono>
#include <utility>
#include <variant>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t currency_mismatch = 3452;
constexpr std::int64_t other_source = 3100;
constexpr std::int64_t already_processed = 3417;
constexpr std::size_t max_text = 255;

Response bad_request(std::string_view message, std::int64_t code = g3::validation_error) {
    return g3::error_with_id(http::status::bad_request, code, message);
}

Response not_found(std::string_view message) {
    return g3::error_with_id(http::status::not_found, g3::not_found_code, message);
}

Date today(Timestamp now) {
    return Date{std::chrono::floor<std::chrono::days>(now)};
}

json::object amount_json(const Decimal& amount, const std::string& currency) {
    return {{"amount", json::value_from(amount)}, {"currency", currency}};
}

json::object payment_json(const StoredDraftPayment& p) {
    json::object receiver{{"counterparty_id", p.counterparty_id.to_string()}};
    if (p.receiver_account_id) receiver["account_id"] = p.receiver_account_id->to_string();
    if (p.receiver_card_id) receiver["card_id"] = p.receiver_card_id->to_string();
    json::object o{{"id", p.id.to_string()}, {"amount", amount_json(p.amount, p.currency)}};
    o["currency"] = p.currency;
    o["reference"] = p.reference;
    o["account_id"] = p.account_id.to_string();
    o["receiver"] = std::move(receiver);
    o["state"] = p.state;
    // The emulator pays in the payment's currency: no conversion, no fee.
    o["current_charge_options"] = json::object{{"from", amount_json(p.amount, p.currency)},
                                               {"to", amount_json(p.amount, p.currency)},
                                               {"rate", "1.0000"},
                                               {"fee", amount_json(Decimal(0), p.currency)}};
    if (p.transfer_reason_code) o["transfer_reason_code"] = *p.transfer_reason_code;
    return o;
}

std::variant<std::optional<std::string>, Response> text(const json::object& body, std::string_view key) {
    return g3::read_string(body, key, true);
}

std::variant<Uuid, Response> read_uuid(const json::object& body, std::string_view key, std::string_view path) {
    bool wrong = false;
    auto value = g3::string_field(body, key, wrong);
    if (!value) return bad_request("Required '" + std::string(path) + "' is missing");
    auto id = Uuid::try_parse(*value);
    if (!id) return bad_request("Value '" + *value + "' is not in correct format for field '" + std::string(path) + "'");
    return *id;
}

// Fields of one payment: all of them (a new payment) or those present (an update, applied
// on top of `p`). Then checks the whole payment against the accounts and counterparties.
std::optional<Response> read_payment(const State& state, const json::object& body, bool partial,
                                     StoredDraftPayment& p) {
    if (!partial || body.contains("account_id")) {
        auto id = read_uuid(body, "account_id", "account_id");
        if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
        p.account_id = std::get<Uuid>(id);
    }
    if (const auto* value = body.if_contains("receiver"); value && !value->is_null()) {
        const auto* receiver = value->if_object();
        if (receiver == nullptr) return bad_request("'receiver' must be an object");
        auto id = read_uuid(*receiver, "counterparty_id", "receiver.counterparty_id");
        if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
        p.counterparty_id = std::get<Uuid>(id);
        p.receiver_account_id.reset();
        p.receiver_card_id.reset();
        for (auto [key, target] : {std::pair{"account_id", &p.receiver_account_id},
                                   std::pair{"card_id", &p.receiver_card_id}}) {
            if (!receiver->contains(key) || receiver->at(key).is_null()) continue;
            auto parsed = read_uuid(*receiver, key, std::string("receiver.") + key);
            if (auto* refusal = std::get_if<Response>(&parsed)) return std::move(*refusal);
            *target = std::get<Uuid>(parsed);
        }
    } else if (!partial) {
        return bad_request("Required 'receiver' is missing");
    }
    if (!partial || body.contains("amount")) {
        const auto* value = body.if_contains("amount");
        auto amount = value ? decimal_from_json(*value) : std::nullopt;
        if (!amount || amount->signum() <= 0) return bad_request("'amount' must be a number greater than 0");
        p.amount = *amount;
    }
    const std::array<std::pair<std::string_view, std::optional<std::string>*>, 2> optional_texts{
        {{"charge_bearer", &p.charge_bearer}, {"transfer_reason_code", &p.transfer_reason_code}}};
    for (const auto& [key, target] : optional_texts) {
        if (partial && !body.contains(key)) continue;
        auto value = text(body, key);
        if (auto* refusal = std::get_if<Response>(&value)) return std::move(*refusal);
        *target = std::get<std::optional<std::string>>(value);
    }
    if (p.charge_bearer && *p.charge_bearer != "shared" && *p.charge_bearer != "debtor")
        return bad_request("'charge_bearer' must be shared or debtor");
    for (auto [key, target] : {std::pair{"currency", &p.currency}, std::pair{"reference", &p.reference}}) {
        if (partial && !body.contains(key)) continue;
        auto value = text(body, key);
        if (auto* refusal = std::get_if<Response>(&value)) return std::move(*refusal);
        auto& given = std::get<std::optional<std::string>>(value);
        if (!given) return bad_request("Required '" + std::string(key) + "' is missing");
        *target = std::move(*given);
    }
    if (!g3::is_currency_code(p.currency)) return bad_request("'currency' must be an ISO 4217 code");
    if (p.reference.empty() || p.reference.size() > max_text)
        return bad_request("'reference' must be 1 to 255 characters");

    if (state.accounts.find(p.account_id) == nullptr) return not_found("Account not found");
    const auto* counterparty = state.counterparties.find(p.counterparty_id);
    if (counterparty == nullptr) return not_found("Counterparty not found");
    if (p.receiver_card_id) return not_found("Counterparty card not found");
    const StoredCounterpartyAccount* target = nullptr;
    if (p.receiver_account_id) {
        target = counterparty->find_account(*p.receiver_account_id);
        if (target == nullptr) return not_found("Counterparty account not found");
    } else if (counterparty->accounts.size() == 1) {
        target = &counterparty->accounts.front();
    } else {
        return bad_request("receiver.account_id is required: the counterparty has several accounts");
    }
    if (target->currency != p.currency) {
        return bad_request("Payment draft currency should match with recipient currency [" + target->currency +
                               "] but is [" + p.currency + "]",
                           currency_mismatch);
    }
    return std::nullopt;
}

// title (1..255) and schedule_for (a date, not before `earliest`) when present; null clears.
std::optional<Response> read_draft_fields(const json::object& body, StoredPaymentDraft& d, Date earliest,
                                          std::string_view when) {
    if (const auto* value = body.if_contains("title")) {
        if (value->is_null()) {
            d.title.reset();
        } else {
            const auto* title = plain_string(*value);
            if (title == nullptr || title->empty() || title->size() > max_text)
                return bad_request("'title' must be 1 to 255 characters");
            d.title = std::string(*title);
        }
    }
    if (const auto* value = body.if_contains("schedule_for")) {
        if (value->is_null()) {
            d.scheduled_for.reset();
        } else {
            const auto* date_text = plain_string(*value);
            auto date = date_text ? try_parse_date(*date_text) : std::nullopt;
            if (!date) return bad_request("'schedule_for' must be a date (YYYY-MM-DD)");
            if (std::chrono::sys_days{*date} < std::chrono::sys_days{earliest})
                return bad_request("'schedule_for' must be " + std::string(when));
            d.scheduled_for = *date;
        }
    }
    return std::nullopt;
}

// A draft from a create request (not stored), or the refusal; no payments: an empty list.
std::variant<StoredPaymentDraft, Response> read_draft(const State& state, const json::object& body, Timestamp now) {
    StoredPaymentDraft d;
    d.id = Uuid::random();
    d.created_at = now;
    if (auto refusal = read_draft_fields(body, d, today(now), "today or later")) return std::move(*refusal);
    const auto* payments = body.if_contains("payments");
    if (payments == nullptr || payments->is_null()) return bad_request("Required 'payments' is missing");
    if (!payments->is_array()) return bad_request("'payments' must be an array");
    for (const auto& item : payments->get_array()) {
        if (!item.is_object()) return bad_request("'payments' items must be objects");
        StoredDraftPayment p;
        p.id = Uuid::random();
        if (auto refusal = read_payment(state, item.get_object(), false, p)) return std::move(*refusal);
        if (p.charge_bearer && payments->get_array().size() > 1)
            return bad_request("Charge bearer is not supported for bulk payments.", g3::parameter_error);
        d.payments.push_back(std::move(p));
    }
    return d;
}

StoredPaymentDraft* find_draft(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("payment_draft_id"));
    return id ? ctx.state.payment_drafts.find(*id) : nullptr;
}

// The draft of the path if it may change; otherwise the refusal.
std::variant<StoredPaymentDraft*, Response> editable_draft(const RouteContext& ctx) {
    auto* draft = find_draft(ctx);
    if (draft == nullptr) return not_found("The specified payment draft was not found");
    if (draft->source == "integration" || draft->source == "email")
        return g3::error_with_id(http::status::unprocessable_entity, other_source,
                                 "Payment draft was created via Partner API and cannot be updated");
    if (draft->processed)
        return g3::error_with_id(http::status::unprocessable_entity, already_processed,
                                 "Payment draft is already processed");
    return draft;
}

Response list_drafts(const RouteContext& ctx) {
    const std::string source = ctx.query_param("source").value_or("api");
    if (source != "api" && source != "integration" && source != "email" && source != "all")
        return bad_request("source must be api, integration, email or all", g3::parameter_error);
    json::array orders;
    for (const auto& d : ctx.state.payment_drafts.all()) {
        if (d.processed || (source != "all" && d.source != source)) continue;
        json::object o{{"id", d.id.to_string()}};
        if (d.scheduled_for) o["scheduled_for"] = format_date(*d.scheduled_for);
        if (d.title) o["title"] = *d.title;
        o["payments_count"] = static_cast<std::int64_t>(d.payments.size());
        o["source"] = d.source;
        orders.push_back(std::move(o));
    }
    return json_response(http::status::ok, json::object{{"payment_orders", std::move(orders)}});
}

Response create_draft(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Cannot parse request: invalid JSON");
    auto read = read_draft(ctx.state, *body, ctx.now);
    if (auto* refusal = std::get_if<Response>(&read)) return std::move(*refusal);
    auto& draft = std::get<StoredPaymentDraft>(read);
    if (draft.payments.empty()) return empty_response(http::status::no_content);
    const auto& stored = ctx.state.payment_drafts.add(std::move(draft));
    return json_response(http::status::created, json::object{{"id", stored.id.to_string()}});
}

Response get_draft(const RouteContext& ctx) {
    const auto* d = find_draft(ctx);
    if (d == nullptr) return not_found("The specified payment draft was not found");
    json::object o;
    if (d->title) o["title"] = *d->title;
    if (d->scheduled_for) o["scheduled_for"] = format_date(*d->scheduled_for);
    json::array payments;
    for (const auto& p : d->payments) payments.push_back(payment_json(p));
    o["payments"] = std::move(payments);
    o["source"] = d->source;
    return json_response(http::status::ok, o);
}

Response update_draft(const RouteContext& ctx) {
    auto editable = editable_draft(ctx);
    if (auto* refusal = std::get_if<Response>(&editable)) return std::move(*refusal);
    auto* draft = std::get<StoredPaymentDraft*>(editable);
    auto body = parse_json_object(ctx.request.body());
    if (!body) return bad_request("Cannot parse request: invalid JSON");
    if (!body->contains("title") && !body->contains("schedule_for"))
        return bad_request("title or schedule_for must be provided");
    StoredPaymentDraft changed = *draft;
    const Date tomorrow{std::chrono::sys_days{today(ctx.now)} + std::chrono::days(1)};
    if (auto refusal = read_draft_fields(*body, changed, tomorrow, "in the future")) return std::move(*refusal);
    *draft = std::move(changed);
    return empty_response(http::status::no_content);
}

Response delete_draft(const RouteContext& ctx) {
    auto* draft = find_draft(ctx);
    if (draft == nullptr) return not_found("The specified payment draft was not found");
    if (draft->processed)
        return g3::error_with_id(http::status::unprocessable_entity, already_processed,
                                 "Payment draft is already processed");
    ctx.state.payment_drafts.remove(draft->id);
    return empty_response(http::status::no_content);
}

Response add_payment(const RouteContext& ctx) {
    auto editable = editable_draft(ctx);
    if (auto* refusal = std::get_if<Response>(&editable)) return std::move(*refusal);
    auto* draft = std::get<StoredPaymentDraft*>(editable);
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Cannot parse request: invalid JSON");
    StoredDraftPayment p;
    p.id = Uuid::random();
    if (auto refusal = read_payment(ctx.state, *body, false, p)) return std::move(*refusal);
    const bool bulk = !draft->payments.empty();
    if (bulk && (p.charge_bearer || draft->payments.front().charge_bearer))
        return bad_request("Charge bearer is not supported for bulk payments.", g3::parameter_error);
    draft->payments.push_back(std::move(p));
    return json_response(http::status::created, json::object{{"id", draft->payments.back().id.to_string()}});
}

std::variant<std::pair<StoredPaymentDraft*, StoredDraftPayment*>, Response> editable_payment(const RouteContext& ctx) {
    auto editable = editable_draft(ctx);
    if (auto* refusal = std::get_if<Response>(&editable)) return std::move(*refusal);
    auto* draft = std::get<StoredPaymentDraft*>(editable);
    auto id = Uuid::try_parse(ctx.path_param("payment_id"));
    auto* payment = id ? draft->find_payment(*id) : nullptr;
    if (payment == nullptr) return not_found("The specified payment draft or payment was not found");
    return std::pair{draft, payment};
}

Response update_payment(const RouteContext& ctx) {
    auto found = editable_payment(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    auto [draft, payment] = std::get<std::pair<StoredPaymentDraft*, StoredDraftPayment*>>(found);
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Cannot parse request: invalid JSON");
    if (body->empty()) return bad_request("At least one field must be provided");
    StoredDraftPayment changed = *payment;
    if (auto refusal = read_payment(ctx.state, *body, true, changed)) return std::move(*refusal);
    if (changed.charge_bearer && draft->payments.size() > 1)
        return bad_request("Charge bearer is not supported for bulk payments.", g3::parameter_error);
    *payment = std::move(changed);
    return empty_response(http::status::no_content);
}

Response delete_payment(const RouteContext& ctx) {
    auto found = editable_payment(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    auto [draft, payment] = std::get<std::pair<StoredPaymentDraft*, StoredDraftPayment*>>(found);
    const Uuid id = payment->id;
    std::erase_if(draft->payments, [&](const StoredDraftPayment& p) { return p.id == id; });
    return empty_response(http::status::no_content);
}

// seed("payment_draft", {create body…, "source": "integration", "processed": true,
// "created_at": "…"}): a draft no API call can make (another source, already processed).
json::value seed_draft(State& state, const json::value& data, Timestamp now) {
    const auto* body = data.if_object();
    if (body == nullptr) throw Error(make_error_code(Errc::invalid_argument), "seed payment_draft: an object");
    auto read = read_draft(state, *body, g3::seed_created_at(*body, now));
    if (auto* refusal = std::get_if<Response>(&read)) g3::refuse_seed("payment_draft", *refusal);
    auto& draft = std::get<StoredPaymentDraft>(read);
    if (const auto* source = body->if_contains("source"); source && source->is_string())
        draft.source = std::string(source->get_string());
    if (const auto* processed = body->if_contains("processed"); processed && processed->is_bool())
        draft.processed = processed->get_bool();
    const auto& stored = state.payment_drafts.add(std::move(draft));
    return json::object{{"id", stored.id.to_string()}};
}

}  // namespace

void add_payment_drafts_routes(Router& router) {
    constexpr std::string_view collection = "/api/1.0/payment-drafts";
    constexpr std::string_view item = "/api/1.0/payment-drafts/{payment_draft_id}";
    constexpr std::string_view payments = "/api/1.0/payment-drafts/{payment_draft_id}/payments";
    constexpr std::string_view payment = "/api/1.0/payment-drafts/{payment_draft_id}/payments/{payment_id}";
    router.add(http::verb::get, collection, Access::bearer_token, list_drafts);
    router.add(http::verb::post, collection, Access::bearer_token, create_draft);
    router.add(http::verb::get, item, Access::bearer_token, get_draft);
    router.add(http::verb::patch, item, Access::bearer_token, update_draft);
    router.add(http::verb::delete_, item, Access::bearer_token, delete_draft);
    router.add(http::verb::post, payments, Access::bearer_token, add_payment);
    router.add(http::verb::patch, payment, Access::bearer_token, update_payment);
    router.add(http::verb::delete_, payment, Access::bearer_token, delete_payment);
    router.add_seeder("payment_draft", seed_draft);
}

}  // namespace revolut::mock
