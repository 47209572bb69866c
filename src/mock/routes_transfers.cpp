// Transfers (/api/1.0/pay, /pay/indicative-quote, /pay/fields, /transfer, /transfer-reasons).
//
// Rules: a payment goes to an account of a stored counterparty in that account's currency;
// the source account is debited in its own currency (converted at the emulator's rate when
// the currencies differ). Payments to "revolut" accounts complete at once; to "external"
// ones they stay pending (the sandbox simulations complete or revert them) with the money
// held. Insufficient funds refuse the payment (400, code 3000: the spec documents no code).
//
// Idempotency: POST /pay with a request_id seen in the last 14 days returns the original
// transaction when the request is the same (a retry, as the spec's "safely retry" tip
// promises) and 400 code 3020 "Duplicate request" when it differs (the spec's duplicate
// error); either way nothing is paid twice. POST /transfer returns the original transfer.

#include "mock/exchange_store.hpp"
#include "mock/json_responses.hpp"
#include "mock/ledger.hpp"
#include "mock/money_fields.hpp"
#include "mock/routes.hpp"

#include "json/exact_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

#include <algorithm>
#include <cctype>
#include <variant>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t validation_error = 3000;
constexpr std::int64_t invalid_request = 2101;           // the quote's and fields' validation code
constexpr std::int64_t duplicate_request = 3020;
constexpr std::int64_t currency_mismatch = 3187;
constexpr std::int64_t charge_bearer_unsupported = 3287;
constexpr std::int64_t rate_unknown = 3472;
constexpr std::int64_t recipient_not_found = 3544;
constexpr std::int64_t requirements_not_found = 3006;            // /pay/fields: counterparty, account or card
constexpr std::int64_t transfer_reason_missing = 4100;
constexpr std::int64_t account_not_found = 404;          // as GET /accounts/{id} answers
constexpr std::chrono::days idempotency_window{14};
constexpr std::size_t max_request_id = 40;
constexpr std::size_t max_reference = 140;
constexpr std::size_t max_reason_reference = 30;  // corridors with a transfer reason (INR...)

// Why a payment cannot be made, before the route picks its status and body shape.
struct Refusal {
    enum Kind { invalid, recipient, account } kind;
    std::int64_t code;  // 0: the route's default for the kind
    std::string message;
};

Response bad_request(std::string_view message) {
    return error_response(http::status::bad_request, validation_error, message);
}

// The spec's ErrorWithId body, used by /pay/indicative-quote.
Response error_with_id(http::status status, std::int64_t code, std::string_view message) {
    return json_response(status, json::object{{"error_id", Uuid::random().to_string()},
                                              {"code", code},
                                              {"message", message}});
}

struct Receiver {
    Uuid counterparty_id;
    std::optional<Uuid> account_id;
    std::optional<Uuid> card_id;
};

std::optional<Receiver> read_receiver(BodyReader& reader) {
    const auto* object = reader.object("receiver", true);
    if (object == nullptr) return std::nullopt;
    BodyReader nested(*object, "receiver.");
    auto counterparty = nested.uuid("counterparty_id", true);
    Receiver receiver;
    receiver.account_id = nested.uuid("account_id", false);
    receiver.card_id = nested.uuid("card_id", false);
    reader.adopt(nested);
    if (!nested.ok()) return std::nullopt;
    receiver.counterparty_id = *counterparty;
    return receiver;
}

// The fields /pay and /pay/indicative-quote share.
struct PaymentFields {
    Uuid account_id;
    Receiver receiver;
    Decimal amount;
    std::string currency;
    std::optional<std::string> charge_bearer;
    std::optional<std::string> transfer_reason_code;
    std::optional<std::string> exchange_reason_code;
};

std::optional<PaymentFields> read_payment(BodyReader& reader) {
    auto account = reader.uuid("account_id", true);
    auto receiver = read_receiver(reader);
    auto amount = reader.amount("amount", true);
    auto currency = reader.currency("currency", true);
    PaymentFields fields;
    fields.charge_bearer = reader.text("charge_bearer", false);
    fields.transfer_reason_code = reader.text("transfer_reason_code", false);
    fields.exchange_reason_code = reader.text("exchange_reason_code", false);
    if (!reader.ok()) return std::nullopt;
    fields.account_id = *account;
    fields.receiver = *receiver;
    fields.amount = *amount;
    fields.currency = *currency;
    return fields;
}

// The counterparty account a receiver names.
struct Payee {
    const StoredCounterparty* counterparty = nullptr;
    const StoredCounterpartyAccount* account = nullptr;
};

std::variant<Payee, Refusal> resolve(const State& state, const Receiver& receiver) {
    const auto id = receiver.counterparty_id.to_string();
    if (receiver.account_id && receiver.card_id)
        return Refusal{Refusal::invalid, 0, "Both 'account_id' and 'card_id' can't be provided"};
    Payee payee;
    payee.counterparty = state.counterparties.find(receiver.counterparty_id);
    if (payee.counterparty == nullptr) return Refusal{Refusal::recipient, 0, "Counterparty not found " + id};
    // The emulator's counterparties have accounts only, no cards.
    if (receiver.card_id) return Refusal{Refusal::recipient, 0, "Card not found for counterparty " + id};
    if (receiver.account_id) {
        payee.account = payee.counterparty->find_account(*receiver.account_id);
    } else if (payee.counterparty->accounts.size() == 1) {
        payee.account = &payee.counterparty->accounts.front();
    } else if (payee.counterparty->accounts.size() > 1) {
        return Refusal{Refusal::invalid, 0, "'receiver.account_id' or 'receiver.card_id' is missing"};
    }
    if (payee.account == nullptr) return Refusal{Refusal::recipient, 0, "Account not found for counterparty " + id};
    return payee;
}

bool is_external(const Payee& payee) { return payee.account->type != "revolut"; }

// A payment worked out: what leaves the source account, at which rate.
struct Plan {
    const StoredAccount* source = nullptr;
    Payee payee;
    Decimal debit;              // in the source account's currency
    std::optional<Decimal> rate;  // units of the payment currency per unit of the source's
};

std::variant<Plan, Refusal> plan_payment(const State& state, const PaymentFields& fields) {
    auto resolved = resolve(state, fields.receiver);
    if (auto* refusal = std::get_if<Refusal>(&resolved)) return std::move(*refusal);
    Plan plan;
    plan.payee = std::get<Payee>(resolved);
    plan.source = state.accounts.find(fields.account_id);
    if (plan.source == nullptr) return Refusal{Refusal::account, 0, "Account not found"};
    if (!plan.source->active) return Refusal{Refusal::invalid, 0, "account_id is an inactive account"};
    if (plan.payee.account->currency != fields.currency)
        return Refusal{Refusal::invalid, currency_mismatch,
                       "The payment currency does not match the counterparty's account currency"};
    if (!fits_minor_units(fields.amount, fields.currency))
        return Refusal{Refusal::invalid, 0, "amount has more decimals than " + fields.currency + " allows"};
    if (fields.charge_bearer) {
        if (*fields.charge_bearer != "shared" && *fields.charge_bearer != "debtor")
            return Refusal{Refusal::invalid, 0, "'charge_bearer' must be one of: shared, debtor"};
        // Only bank transfers have route fees to share.
        if (!is_external(plan.payee))
            return Refusal{Refusal::invalid, charge_bearer_unsupported,
                           "Specified 'charge_bearer' is not supported for this transaction."};
    }
    if (state.exchange.needs_transfer_reason(fields.currency)) {
        if (!fields.transfer_reason_code)
            return Refusal{Refusal::invalid, transfer_reason_missing, "Please provide a reason for the transaction."};
        if (!state.exchange.is_transfer_reason(fields.currency, *fields.transfer_reason_code))
            return Refusal{Refusal::invalid, 0, "transfer_reason_code is not a reason for " + fields.currency};
    }
    plan.debit = fields.amount;
    if (plan.source->currency != fields.currency) {
        plan.rate = state.exchange.rate(plan.source->currency, fields.currency);
        if (!plan.rate) return Refusal{Refusal::invalid, rate_unknown, "Exchange rate unknown"};
        auto debit = divide_rounded(fields.amount, *plan.rate, minor_units(plan.source->currency));
        if (!debit || debit->signum() <= 0) return Refusal{Refusal::invalid, 0, "amount is out of range"};
        plan.debit = *debit;
    }
    return plan;
}

json::object transfer_result(const webhook::TransactionCreated& t) {
    json::object body{{"id", t.id}, {"state", t.state.str()}, {"created_at", format_timestamp(t.created_at)}};
    if (t.completed_at) body["completed_at"] = format_timestamp(*t.completed_at);
    return body;
}

Response posting_refusal(PostingOutcome outcome) {
    switch (outcome) {
    case PostingOutcome::unknown_account:
        return error_response(http::status::not_found, account_not_found, "Account not found");
    case PostingOutcome::insufficient_funds: return bad_request("Insufficient balance");
    case PostingOutcome::balance_overflow:
    case PostingOutcome::done: break;
    }
    return bad_request("the balance would be out of range");
}

// --- POST /pay ----------------------------------------------------------------------------

Response pay_refusal(const Refusal& refusal) {
    switch (refusal.kind) {
    case Refusal::invalid: return error_response(http::status::bad_request, refusal.code ? refusal.code : validation_error, refusal.message);
    case Refusal::recipient: return error_response(http::status::bad_request, recipient_not_found, refusal.message);
    case Refusal::account: break;
    }
    return error_response(http::status::not_found, account_not_found, refusal.message);
}

Response pay(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Request body must be a JSON object");
    BodyReader reader(*body);
    auto request_id = reader.text("request_id", true, max_request_id);
    auto fields = read_payment(reader);
    // Longer references are cut, as the spec says Revolut does.
    auto reference = reader.text("reference", false);
    auto fiscal_code = reader.text("fiscal_code", false, 50);
    if (reader.ok() && fiscal_code &&
        !std::all_of(fiscal_code->begin(), fiscal_code->end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
        reader.fail("fiscal_code", "must be letters and digits only");
    if (!reader.ok()) return bad_request(reader.error());
    if (reference && reference->size() > max_reference) reference->resize(max_reference);

    std::string fingerprint = "pay|";
    add_to_fingerprint(fingerprint, std::optional<Uuid>(fields->account_id));
    add_to_fingerprint(fingerprint, std::optional<Uuid>(fields->receiver.counterparty_id));
    add_to_fingerprint(fingerprint, fields->receiver.account_id);
    add_to_fingerprint(fingerprint, fields->receiver.card_id);
    add_to_fingerprint(fingerprint, std::optional<Decimal>(fields->amount));
    for (const auto& text : {std::optional<std::string>(fields->currency), reference, fields->charge_bearer,
                             fields->transfer_reason_code, fields->exchange_reason_code, fiscal_code})
        add_to_fingerprint(fingerprint, text);
    if (const auto* original = find_by_request_id(ctx.state, *request_id, ctx.now, idempotency_window)) {
        if (original->origin == "pay" && original->fingerprint == fingerprint)
            return json_response(http::status::ok, transfer_result(original->transaction));
        return error_response(http::status::bad_request, duplicate_request, "Duplicate request: " + *request_id);
    }

    auto planned = plan_payment(ctx.state, *fields);
    if (auto* refusal = std::get_if<Refusal>(&planned)) return pay_refusal(*refusal);
    const auto& plan = std::get<Plan>(planned);

    Posting posting;
    auto& t = posting.transaction;
    t.type = TransactionType::transfer;
    t.state = is_external(plan.payee) ? TransactionState::pending : TransactionState::completed;
    t.request_id = *request_id;
    t.reference = reference;
    webhook::TransactionLeg leg;
    leg.account_id = plan.source->id.to_string();
    webhook::TransactionCounterparty counterparty;
    counterparty.id = plan.payee.counterparty->id.to_string();
    counterparty.account_id = plan.payee.account->id.to_string();
    counterparty.account_type = is_external(plan.payee) ? CounterpartyAccountType::external
                                                        : CounterpartyAccountType::revolut;
    leg.counterparty = counterparty;
    leg.amount = -plan.debit;
    leg.currency = plan.source->currency;
    if (plan.rate) {
        leg.bill_amount = -fields->amount;
        leg.bill_currency = fields->currency;
    }
    leg.description = "To " + plan.payee.counterparty->name;
    t.legs.push_back(std::move(leg));
    posting.origin = "pay";
    posting.fingerprint = std::move(fingerprint);

    StoredTransaction* created = nullptr;
    auto outcome = post_transaction(ctx.state, std::move(posting), ctx.now, created);
    if (outcome != PostingOutcome::done) return posting_refusal(outcome);
    return json_response(http::status::ok, transfer_result(created->transaction));
}

// --- POST /pay/indicative-quote -----------------------------------------------------------

json::object money_json(const Decimal& amount, std::string_view currency) {
    return json::object{{"amount", json::value_from(amount)}, {"currency", currency}};
}

Response indicative_quote(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return error_with_id(http::status::bad_request, invalid_request, "Request body is not valid JSON");
    BodyReader reader(*body);
    auto fields = read_payment(reader);
    if (!reader.ok()) return error_with_id(http::status::bad_request, invalid_request, reader.error());
    auto planned = plan_payment(ctx.state, *fields);
    if (auto* refusal = std::get_if<Refusal>(&planned)) {
        if (refusal->kind == Refusal::account)
            return error_with_id(http::status::not_found, account_not_found, refusal->message);
        const auto code = refusal->kind == Refusal::recipient ? recipient_not_found
                                                             : (refusal->code ? refusal->code : invalid_request);
        return error_with_id(http::status::bad_request, code, refusal->message);
    }
    const auto& plan = std::get<Plan>(planned);
    const auto& source_currency = plan.source->currency;
    // The emulator charges no fees; a fee of zero comes without a breakdown.
    json::object quote{{"amount", money_json(fields->amount, fields->currency)},
                       {"fee", money_json(Decimal(0), source_currency)},
                       {"estimated_total", money_json(plan.debit, source_currency)}};
    if (plan.rate) {
        quote["estimated_exchange_rate"] = plan.rate->to_string();
        quote["estimated_amount_after_exchange"] = money_json(plan.debit, source_currency);
    }
    const auto today = std::chrono::floor<std::chrono::days>(ctx.now);
    const bool external = is_external(plan.payee);
    quote["estimated_arrival"] = json::object{
        {"date", format_date(Date(external ? today + std::chrono::days(1) : today))},
        {"speed", external ? "tomorrow" : "instant"}};
    return json_response(http::status::ok, quote);
}

// --- POST /pay/fields ---------------------------------------------------------------------

json::object field_json(std::string_view name, bool required) {
    return json::object{{"name", name}, {"required", required}};
}

Response payment_fields(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return error_response(http::status::bad_request, invalid_request, "Request body is not valid JSON");
    BodyReader reader(*body);
    auto account = reader.uuid("account_id", true);
    auto receiver = read_receiver(reader);
    if (!reader.ok()) return error_response(http::status::bad_request, invalid_request, reader.error());
    auto resolved = resolve(ctx.state, *receiver);
    if (auto* refusal = std::get_if<Refusal>(&resolved)) {
        if (refusal->kind == Refusal::invalid)
            return error_response(http::status::bad_request, validation_error, refusal->message);
        return error_response(http::status::not_found, requirements_not_found,
                              "The specified counterparty, account, or card was not found");
    }
    if (ctx.state.accounts.find(*account) == nullptr)
        return error_response(http::status::not_found, requirements_not_found,
                              "The specified counterparty, account, or card was not found");
    const auto& payee = std::get<Payee>(resolved);
    const auto& currency = payee.account->currency;
    const bool needs_reason = ctx.state.exchange.needs_transfer_reason(currency);

    json::array fields;
    auto reference = field_json("reference", needs_reason);
    reference["validation"] = json::object{
        {"max_length", static_cast<std::int64_t>(needs_reason ? max_reason_reference : max_reference)}};
    fields.push_back(std::move(reference));
    if (is_external(payee)) {
        auto bearer = field_json("charge_bearer", false);
        bearer["options"] = json::array{json::object{{"value", "shared"}, {"default", true}},
                                        json::object{{"value", "debtor"}}};
        fields.push_back(std::move(bearer));
    }
    if (needs_reason) {
        auto reason = field_json("transfer_reason_code", true);
        json::array options;
        for (const auto& r : ctx.state.exchange.transfer_reasons())
            if (r.currency == currency) options.push_back(json::object{{"value", r.code}});
        reason["options"] = std::move(options);
        fields.push_back(std::move(reason));
    }
    return json_response(http::status::ok, json::object{{"fields", std::move(fields)}});
}

// --- POST /transfer -----------------------------------------------------------------------

webhook::TransactionLeg own_leg(const StoredAccount& account, const StoredAccount& other, const Decimal& amount,
                                std::string description) {
    webhook::TransactionLeg leg;
    leg.account_id = account.id.to_string();
    webhook::TransactionCounterparty counterparty;
    counterparty.account_id = other.id.to_string();
    counterparty.account_type = CounterpartyAccountType::self;
    leg.counterparty = counterparty;
    leg.amount = amount;
    leg.currency = account.currency;
    leg.description = std::move(description);
    return leg;
}

Response transfer(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Request body must be a JSON object");
    BodyReader reader(*body);
    auto request_id = reader.text("request_id", true, max_request_id);
    auto source_id = reader.uuid("source_account_id", true);
    auto target_id = reader.uuid("target_account_id", true);
    auto amount = reader.amount("amount", true);
    auto currency = reader.currency("currency", true);
    auto reference = reader.text("reference", false);
    if (!reader.ok()) return bad_request(reader.error());

    // A retry returns what the first request did, whatever changed since (e.g. the balance).
    if (const auto* original = find_by_request_id(ctx.state, *request_id, ctx.now, idempotency_window)) {
        if (original->origin != "transfer")
            return error_response(http::status::bad_request, duplicate_request, "Duplicate request: " + *request_id);
        return json_response(http::status::ok, transfer_result(original->transaction));
    }

    if (*source_id == *target_id) return bad_request("source_account_id and target_account_id must differ");
    const auto* source = ctx.state.accounts.find(*source_id);
    const auto* target = ctx.state.accounts.find(*target_id);
    if (source == nullptr || target == nullptr)
        return error_response(http::status::not_found, account_not_found, "Account not found");
    if (source->currency != *currency || target->currency != *currency)
        return bad_request("both accounts must be in the transfer's currency " + *currency);
    if (!fits_minor_units(*amount, *currency)) return bad_request("amount has more decimals than " + *currency + " allows");

    Posting posting;
    auto& t = posting.transaction;
    t.type = TransactionType::transfer;
    t.state = TransactionState::completed;
    t.request_id = *request_id;
    t.reference = reference;
    t.legs.push_back(own_leg(*source, *target, -*amount, "To " + *currency + " " + target->name));
    t.legs.push_back(own_leg(*target, *source, *amount, "From " + *currency + " " + source->name));
    posting.origin = "transfer";

    StoredTransaction* created = nullptr;
    auto outcome = post_transaction(ctx.state, std::move(posting), ctx.now, created);
    if (outcome != PostingOutcome::done) return posting_refusal(outcome);
    return json_response(http::status::ok, transfer_result(created->transaction));
}

Response transfer_reasons(const RouteContext& ctx) {
    json::array reasons;
    for (const auto& r : ctx.state.exchange.transfer_reasons())
        reasons.push_back(json::object{
            {"country", r.country}, {"currency", r.currency}, {"code", r.code}, {"description", r.description}});
    return json_response(http::status::ok, reasons);
}

}  // namespace

void add_transfers_routes(Router& router) {
    router.add(http::verb::post, "/api/1.0/pay", Access::bearer_token, pay);
    router.add(http::verb::post, "/api/1.0/pay/indicative-quote", Access::bearer_token, indicative_quote);
    router.add(http::verb::post, "/api/1.0/pay/fields", Access::bearer_token, payment_fields);
    router.add(http::verb::post, "/api/1.0/transfer", Access::bearer_token, transfer);
    router.add(http::verb::get, "/api/1.0/transfer-reasons", Access::bearer_token, transfer_reasons);
}

}  // namespace revolut::mock
