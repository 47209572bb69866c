// Simulations (sandbox only): request building and input validation. Both requests are
// marked sandbox_only, so a production client refuses them before anything is sent.
#include <revolut/api/simulations.hpp>
#include <revolut/error.hpp>

#include "api/target.hpp"
#include "json/exact_json.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

#include <algorithm>

namespace revolut::detail::simulations {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;

namespace {

[[noreturn]] void invalid(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), what);
}

bool is_currency_code(std::string_view text) {
    return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

ApiRequest simulate_account_topup(const Uuid& account_id, const Decimal& amount, const std::string& currency,
                                  const std::optional<std::string>& reference,
                                  std::optional<TransactionState> state) {
    if (account_id.is_nil()) invalid("account_id must not be the nil UUID");
    static const Decimal max_topup{10000};  // the largest top-up the spec allows
    if (amount.signum() <= 0 || amount > max_topup)
        invalid("amount must be above 0 and at most 10000, got " + amount.to_string());
    if (!is_currency_code(currency)) invalid("currency must be an ISO 4217 code such as GBP, got '" + currency.substr(0, 20) + "'");
    json::object body{{"account_id", account_id.to_string()}, {"currency", currency}};
    body["amount"] = json::value_from(amount);  // exact digits, never a double
    if (reference) body["reference"] = *reference;
    if (state) {
        if (*state != TransactionState::pending && *state != TransactionState::completed &&
            *state != TransactionState::reverted && *state != TransactionState::failed)
            invalid("a top-up state must be pending, completed, reverted or failed, got '" +
                    std::string(to_string(*state)) + "'");
        body["state"] = std::string(to_string(*state));
    }
    ApiRequest request{http::verb::post, make_target({"1.0", "sandbox", "topup"}), serialize_json_exact(body)};
    request.environment = Environment::sandbox_only;
    return request;
}

ApiRequest simulate_transfer_state_update(const Uuid& transfer_id, TransferAction action) {
    if (transfer_id.is_nil()) invalid("transfer_id must not be the nil UUID");
    if (action == TransferAction::unknown) invalid("action must be complete, revert, decline or fail");
    ApiRequest request{http::verb::post,
                       make_target({"1.0", "sandbox", "transactions", transfer_id.to_string(), to_string(action)}),
                       {}};
    request.environment = Environment::sandbox_only;
    return request;
}

}  // namespace revolut::detail::simulations
