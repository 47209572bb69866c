// Foreign exchange (/api/1.0/rate, /exchange, /exchange-reasons): rates from the emulator's
// fixed table; an exchange sells or buys an exact amount, the other side is computed with
// exact decimals and rounded half-up to the currency's minor unit, and a repeated request_id
// returns the original exchange instead of exchanging twice.

#include "mock/exchange_store.hpp"
#include "mock/json_responses.hpp"
#include "mock/ledger.hpp"
#include "mock/money_fields.hpp"
#include "mock/routes.hpp"

#include "json/exact_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t validation_error = 3000;
constexpr std::int64_t duplicate_request = 3020;  // the spec's code for a reused request_id
constexpr std::int64_t rate_unknown = 3472;       // the spec's "Exchange rate unknown"
// Revolut documents no code for an unknown account; the emulator answers like for an
// unknown path. Insufficient funds has no documented code either: a validation error.
constexpr std::int64_t not_found_code = 404;
constexpr std::chrono::days idempotency_window{14};
constexpr std::size_t max_request_id = 40;

Response bad_request(std::string_view message) {
    return error_response(http::status::bad_request, validation_error, message);
}

json::object money_json(const Decimal& amount, std::string_view currency) {
    return json::object{{"amount", json::value_from(amount)}, {"currency", currency}};
}

Response get_rate(const RouteContext& ctx) {
    auto from = ctx.query_param("from");
    auto to = ctx.query_param("to");
    json::object query;  // read through BodyReader for the same checks and messages
    if (from) query["from"] = *from;
    if (to) query["to"] = *to;
    BodyReader reader(query);
    auto from_currency = reader.currency("from", true);
    auto to_currency = reader.currency("to", true);
    if (!reader.ok()) return bad_request(reader.error());
    Decimal amount(100, 2);  // the spec's default, 1.00
    if (auto text = ctx.query_param("amount")) {
        auto parsed = Decimal::try_parse(*text);
        if (!parsed || parsed->signum() <= 0) return bad_request("amount must be a number greater than 0");
        amount = *parsed;
    }
    auto rate = ctx.state.exchange.rate(*from_currency, *to_currency);
    if (!rate) return error_response(http::status::not_found, rate_unknown, "Exchange rate unknown");
    auto received = multiply_rounded(amount, *rate, minor_units(*to_currency));
    if (!received) return bad_request("amount is too large");
    json::object body{{"from", money_json(amount, *from_currency)},
                      {"to", money_json(*received, *to_currency)},
                      {"rate", json::value_from(*rate)},
                      {"fee", money_json(Decimal(0), *from_currency)},
                      {"rate_date", format_timestamp(std::chrono::floor<std::chrono::seconds>(ctx.now))}};
    return json_response(http::status::ok, body);
}

// One side of POST /exchange.
struct Side {
    Uuid account_id;
    std::string currency;
    std::optional<Decimal> amount;
};

std::optional<Side> read_side(BodyReader& reader, const char* name) {
    const auto* object = reader.object(name, true);
    if (object == nullptr) return std::nullopt;
    BodyReader nested(*object, std::string(name) + ".");
    Side side;
    auto account = nested.uuid("account_id", true);
    auto currency = nested.currency("currency", true);
    side.amount = nested.amount("amount", false);
    reader.adopt(nested);
    if (!nested.ok()) return std::nullopt;
    side.account_id = *account;
    side.currency = *currency;
    return side;
}

json::object exchange_result(const webhook::TransactionCreated& t) {
    json::object body{{"id", t.id},
                      {"type", t.type.str()},
                      {"state", t.state.str()},
                      {"created_at", format_timestamp(t.created_at)}};
    if (t.completed_at) body["completed_at"] = format_timestamp(*t.completed_at);
    if (t.reason_code) body["reason_code"] = *t.reason_code;
    return body;
}

webhook::TransactionLeg exchange_leg(const StoredAccount& account, const Decimal& amount, std::string description) {
    webhook::TransactionLeg leg;
    leg.account_id = account.id.to_string();
    leg.amount = amount;
    leg.currency = account.currency;
    leg.description = std::move(description);
    return leg;
}

Response exchange(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Request body must be a JSON object");
    BodyReader reader(*body);
    auto from = read_side(reader, "from");
    auto to = read_side(reader, "to");
    auto request_id = reader.text("request_id", true, max_request_id);
    auto reference = reader.text("reference", false);
    auto reason = reader.text("exchange_reason_code", false);
    if (!reader.ok()) return bad_request(reader.error());
    if (from->amount.has_value() == to->amount.has_value())
        return bad_request("amount must be given on exactly one side: from (sell) or to (buy)");

    // A retry returns what the first request did, whatever changed since (e.g. the balance).
    if (const auto* original = find_by_request_id(ctx.state, *request_id, ctx.now, idempotency_window)) {
        if (original->origin != "exchange")
            return error_response(http::status::bad_request, duplicate_request, "Duplicate request: " + *request_id);
        return json_response(http::status::ok, exchange_result(original->transaction));
    }

    const auto* source = ctx.state.accounts.find(from->account_id);
    const auto* target = ctx.state.accounts.find(to->account_id);
    if (source == nullptr || target == nullptr)
        return error_response(http::status::not_found, not_found_code, "Account not found");
    if (source->currency != from->currency) return bad_request("from.currency must be the from account's currency");
    if (target->currency != to->currency) return bad_request("to.currency must be the to account's currency");
    if (from->currency == to->currency) return bad_request("an exchange needs two different currencies");
    auto rate = ctx.state.exchange.rate(from->currency, to->currency);
    if (!rate) return error_response(http::status::bad_request, rate_unknown, "Exchange rate unknown");

    Decimal sold, bought;
    if (from->amount) {
        if (!fits_minor_units(*from->amount, from->currency))
            return bad_request("from.amount has more decimals than " + from->currency + " allows");
        sold = *from->amount;
        auto computed = multiply_rounded(sold, *rate, minor_units(to->currency));
        if (!computed) return bad_request("from.amount is too large");
        bought = *computed;
    } else {
        if (!fits_minor_units(*to->amount, to->currency))
            return bad_request("to.amount has more decimals than " + to->currency + " allows");
        bought = *to->amount;
        auto computed = divide_rounded(bought, *rate, minor_units(from->currency));
        if (!computed) return bad_request("to.amount is too large");
        sold = *computed;
    }
    if (sold.signum() <= 0 || bought.signum() <= 0) return bad_request("the amount is too small to exchange");

    Posting posting;
    auto& t = posting.transaction;
    t.type = TransactionType::exchange;
    t.state = TransactionState::completed;
    t.request_id = *request_id;
    t.reference = reference;
    auto sell_leg = exchange_leg(*source, -sold, "Exchanged to " + to->currency);
    sell_leg.bill_amount = -bought;
    sell_leg.bill_currency = to->currency;
    t.legs.push_back(std::move(sell_leg));
    t.legs.push_back(exchange_leg(*target, bought, "Exchanged from " + from->currency + " " + source->name));
    posting.origin = "exchange";
    (void)reason;  // not required by the emulator's rules, and ignored when not required

    StoredTransaction* created = nullptr;
    switch (post_transaction(ctx.state, std::move(posting), ctx.now, created)) {
    case PostingOutcome::done: break;
    case PostingOutcome::unknown_account:
        return error_response(http::status::not_found, not_found_code, "Account not found");
    case PostingOutcome::insufficient_funds: return bad_request("Insufficient balance");
    case PostingOutcome::balance_overflow: return bad_request("the balance would be out of range");
    }
    return json_response(http::status::ok, exchange_result(created->transaction));
}

Response exchange_reasons(const RouteContext& ctx) {
    json::array reasons;
    for (const auto& reason : ctx.state.exchange.exchange_reasons())
        reasons.push_back(json::object{{"code", reason.code}, {"name", reason.name}});
    return json_response(http::status::ok, reasons);
}

}  // namespace

void add_foreign_exchange_routes(Router& router) {
    router.add(http::verb::get, "/api/1.0/rate", Access::bearer_token, get_rate);
    router.add(http::verb::post, "/api/1.0/exchange", Access::bearer_token, exchange);
    router.add(http::verb::get, "/api/1.0/exchange-reasons", Access::bearer_token, exchange_reasons);
}

}  // namespace revolut::mock
