// Accounts (/api/1.0/accounts): the business's accounts with their exact balances.

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include "json/exact_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

// Revolut documents no code for an unknown account; the emulator answers like for an
// unknown path.
constexpr std::int64_t not_found_code = 404;

// Schema `Account`; the balance keeps its exact digits.
json::object account_json(const StoredAccount& account) {
    return json::object{{"id", account.id.to_string()},
                        {"name", account.name},
                        {"balance", json::value_from(account.balance)},
                        {"currency", account.currency},
                        {"state", account.active ? "active" : "inactive"},
                        {"public", account.is_public},
                        {"created_at", format_timestamp(account.created_at)},
                        {"updated_at", format_timestamp(account.updated_at)}};
}

Response list_accounts(const RouteContext& ctx) {
    json::array array;
    for (const auto& account : ctx.state.accounts.all()) array.push_back(account_json(account));
    return json_response(http::status::ok, array);
}

Response get_account(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("account_id"));
    const auto* account = id ? ctx.state.accounts.find(*id) : nullptr;
    if (account == nullptr) {
        return error_response(http::status::not_found, not_found_code, "Account not found");
    }
    return json_response(http::status::ok, account_json(*account));
}

}  // namespace

void add_accounts_routes(Router& router) {
    router.add(http::verb::get, "/api/1.0/accounts", Access::bearer_token, list_accounts);
    router.add(http::verb::get, "/api/1.0/accounts/{account_id}", Access::bearer_token,
               get_account);
}

}  // namespace revolut::mock
