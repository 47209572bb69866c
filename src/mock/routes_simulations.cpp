// Sandbox simulations (/api/1.0/sandbox/…): top up an account, and move a transaction to a
// final state. Both change the ledger and so fire webhook events.

#include "mock/json_responses.hpp"
#include "mock/ledger.hpp"
#include "mock/routes.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <variant>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t validation_error = 3000;
// Revolut documents no code for an unknown account or transaction; the emulator answers
// like for an unknown path.
constexpr std::int64_t not_found_code = 404;
constexpr std::string_view default_reference = "Test Top-up";

Response bad_request(std::string_view message) {
    return error_response(http::status::bad_request, validation_error, message);
}

Response not_found(std::string_view message) {
    return error_response(http::status::not_found, not_found_code, message);
}

bool is_currency_code(std::string_view text) {
    return text.size() == 3 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// What both simulations answer: {id, state, created_at, completed_at}.
json::object simulation_result(const webhook::TransactionCreated& transaction) {
    json::object body{{"id", transaction.id},
                      {"state", transaction.state.str()},
                      {"created_at", format_timestamp(transaction.created_at)}};
    if (transaction.completed_at) body["completed_at"] = format_timestamp(*transaction.completed_at);
    return body;
}

Response ledger_refusal(LedgerOutcome outcome) {
    switch (outcome) {
    case LedgerOutcome::unknown_account: return not_found("Account not found");
    case LedgerOutcome::currency_mismatch:
        return bad_request("currency must be the account's currency");
    case LedgerOutcome::balance_overflow: return bad_request("the balance would be out of range");
    case LedgerOutcome::final_state:
        return bad_request("the transaction is in a final state and cannot change");
    case LedgerOutcome::done: break;
    }
    return bad_request("refused");
}

std::variant<TopUpRequest, Response> read_topup(const json::object& body) {
    TopUpRequest request;
    const auto* account = body.if_contains("account_id");
    const auto* account_text = account ? plain_string(*account) : nullptr;
    auto account_id = account_text ? Uuid::try_parse(*account_text) : std::nullopt;
    if (!account_id) return bad_request("account_id must be an account ID");
    request.account_id = *account_id;

    const auto* amount = body.if_contains("amount");
    auto value = amount ? decimal_from_json(*amount) : std::nullopt;
    static const Decimal max_topup{10000};  // the largest top-up the spec allows
    if (!value || value->signum() <= 0 || *value > max_topup) {
        return bad_request("amount must be a number above 0 and at most 10000");
    }
    request.amount = *value;

    const auto* currency = body.if_contains("currency");
    const auto* currency_text = currency ? plain_string(*currency) : nullptr;
    if (currency_text == nullptr || !is_currency_code(*currency_text)) {
        return bad_request("currency must be an ISO 4217 code");
    }
    request.currency = std::string(*currency_text);

    request.reference = std::string(default_reference);
    if (const auto* reference = body.if_contains("reference");
        reference != nullptr && !reference->is_null()) {
        const auto* text = plain_string(*reference);
        if (text == nullptr) return bad_request("reference must be a string");
        request.reference = std::string(*text);
    }

    if (const auto* state = body.if_contains("state"); state != nullptr && !state->is_null()) {
        const auto* text = plain_string(*state);
        const auto parsed = OpenEnum<TransactionState>::parse(text ? std::string_view(*text) : "");
        if (!(parsed == TransactionState::pending || parsed == TransactionState::completed ||
              parsed == TransactionState::reverted || parsed == TransactionState::failed)) {
            return bad_request("state must be pending, completed, reverted or failed");
        }
        request.state = parsed.value();
    }
    return request;
}

Response topup(const RouteContext& ctx) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Request body must be a JSON object");
    auto request = read_topup(*body);
    if (auto* refusal = std::get_if<Response>(&request)) return std::move(*refusal);

    StoredTransaction* created = nullptr;
    auto outcome = simulate_topup(ctx.state, std::get<TopUpRequest>(request), ctx.now, created);
    if (outcome != LedgerOutcome::done) return ledger_refusal(outcome);
    return json_response(http::status::ok, simulation_result(created->transaction));
}

std::optional<TransactionState> state_for_action(std::string_view action) {
    constexpr std::array<std::pair<std::string_view, TransactionState>, 4> actions{{
        {"complete", TransactionState::completed},
        {"revert", TransactionState::reverted},
        {"decline", TransactionState::declined},
        {"fail", TransactionState::failed},
    }};
    for (const auto& [name, state] : actions) {
        if (name == action) return state;
    }
    return std::nullopt;
}

Response change_state(const RouteContext& ctx) {
    const auto to = state_for_action(ctx.path_param("action"));
    if (!to) return not_found("Not found");
    auto* stored = ctx.state.transactions.find(ctx.path_param("id"));
    if (stored == nullptr) return not_found("Transaction not found");
    auto outcome = change_transaction_state(ctx.state, *stored, *to, ctx.now);
    if (outcome != LedgerOutcome::done) return ledger_refusal(outcome);
    return json_response(http::status::ok, simulation_result(stored->transaction));
}

}  // namespace

void add_simulations_routes(Router& router) {
    router.add(http::verb::post, "/api/1.0/sandbox/topup", Access::bearer_token, topup);
    router.add(http::verb::post, "/api/1.0/sandbox/transactions/{id}/{action}",
               Access::bearer_token, change_state);
}

}  // namespace revolut::mock
