// Accounts: request building and input validation (nothing is sent when it fails).
#include <revolut/api/accounts.hpp>
#include <revolut/error.hpp>

#include "api/target.hpp"

namespace revolut::detail::accounts {

namespace http = boost::beast::http;
using api::make_target;

namespace {

std::string id_segment(const Uuid& id) {
    if (id.is_nil()) throw Error(make_error_code(Errc::invalid_argument), "account_id must not be the nil UUID");
    return id.to_string();
}

}  // namespace

ApiRequest get_all_accounts() { return {http::verb::get, make_target({"1.0", "accounts"}), {}}; }

ApiRequest get_account(const Uuid& account_id) {
    return {http::verb::get, make_target({"1.0", "accounts", id_segment(account_id)}), {}};
}

ApiRequest get_full_bank_details(const Uuid& account_id) {
    return {http::verb::get, make_target({"1.0", "accounts", id_segment(account_id), "bank-details"}), {}};
}

}  // namespace revolut::detail::accounts
