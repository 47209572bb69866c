// Accounts (/api/1.0/accounts…): the business's accounts with their exact balances, and the
// bank details to pay into them (fake but well-formed and fixed per account: IBANs carry
// valid check digits, numbers come from the account ID).

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include "json/exact_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

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

// `digits` decimal digits taken from the account ID, so they never change for an account.
std::string account_digits(const Uuid& id, std::size_t digits) {
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < 8; ++i) n = (n << 8) | id.bytes()[i];
    std::string out(digits, '0');
    for (std::size_t i = digits; i-- > 0; n /= 10) out[i] = static_cast<char>('0' + n % 10);
    return out;
}

// ISO 13616: the check digits that make the IBAN's mod-97 remainder 1.
std::string iban(std::string_view country, std::string_view bban) {
    std::string rearranged = std::string(bban) + std::string(country) + "00";
    unsigned remainder = 0;
    for (char c : rearranged) {
        const unsigned value = (c >= 'A' && c <= 'Z') ? static_cast<unsigned>(c - 'A' + 10) : static_cast<unsigned>(c - '0');
        remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
    }
    const unsigned check = 98 - remainder;
    return std::string(country) + static_cast<char>('0' + check / 10) + static_cast<char>('0' + check % 10) +
           std::string(bban);
}

json::object london_address() {
    return json::object{{"street_line1", "Revolut Ltd"}, {"street_line2", "30 South Colonnade"},
                        {"city", "London"},              {"country", "GB"},
                        {"postcode", "E14 5HX"}};
}

json::object estimated(std::string_view unit, std::int64_t min, std::int64_t max) {
    return json::object{{"unit", unit}, {"min", min}, {"max", max}};
}

json::object details(const StoredAccount& account, json::object address, std::string_view bank_country,
                     std::initializer_list<std::string_view> schemes, json::object time) {
    json::array scheme_list;
    for (auto scheme : schemes) scheme_list.push_back(json::string(scheme));
    return json::object{{"beneficiary", account.name},       {"beneficiary_address", std::move(address)},
                        {"bank_country", bank_country},      {"pooled", false},
                        {"schemes", std::move(scheme_list)}, {"estimated_time", std::move(time)}};
}

// Schema `AccountBankDetailsItem`, one per way in: local schemes first, then SWIFT.
json::array bank_details_json(const StoredAccount& account) {
    const std::string gb_iban = iban("GB", "REVO009970" + account_digits(account.id, 8));
    json::object swift = details(account, london_address(), "GB", {"swift"}, estimated("days", 1, 3));
    swift["iban"] = gb_iban;
    swift["bic"] = "REVOGB21";
    json::array items;
    if (account.currency == "GBP") {
        json::object local = details(account, london_address(), "GB", {"faster_payments", "bacs", "chaps"},
                                     estimated("hours", 0, 2));
        local["account_no"] = account_digits(account.id, 8);
        local["sort_code"] = "00-99-70";
        items.push_back(std::move(local));
    } else if (account.currency == "EUR") {
        json::object vilnius{{"street_line1", "Revolut Bank UAB"}, {"street_line2", "Konstitucijos ave. 21B"},
                             {"city", "Vilnius"}, {"country", "LT"}, {"postcode", "08130"}};
        json::object local = details(account, std::move(vilnius), "LT", {"sepa"}, estimated("days", 0, 1));
        local["iban"] = iban("LT", "32500" + account_digits(account.id, 11));
        local["bic"] = "REVOLT21";
        items.push_back(std::move(local));
    } else if (account.currency == "USD") {
        json::object local = details(account, london_address(), "US", {"ach"}, estimated("days", 1, 2));
        local["account_no"] = account_digits(account.id, 12);
        local["routing_number"] = "122199983";
        items.push_back(std::move(local));
    }
    items.push_back(std::move(swift));
    return items;
}

Response list_accounts(const RouteContext& ctx) {
    json::array array;
    for (const auto& account : ctx.state.accounts.all()) array.push_back(account_json(account));
    return json_response(http::status::ok, array);
}

const StoredAccount* find_account(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("account_id"));
    return id ? ctx.state.accounts.find(*id) : nullptr;
}

Response get_account(const RouteContext& ctx) {
    const auto* account = find_account(ctx);
    if (account == nullptr) {
        return error_response(http::status::not_found, not_found_code, "Account not found");
    }
    return json_response(http::status::ok, account_json(*account));
}

Response get_bank_details(const RouteContext& ctx) {
    const auto* account = find_account(ctx);
    if (account == nullptr) {
        return error_response(http::status::not_found, not_found_code, "Account not found");
    }
    return json_response(http::status::ok, bank_details_json(*account));
}

}  // namespace

void add_accounts_routes(Router& router) {
    router.add(http::verb::get, "/api/1.0/accounts", Access::bearer_token, list_accounts);
    router.add(http::verb::get, "/api/1.0/accounts/{account_id}", Access::bearer_token,
               get_account);
    router.add(http::verb::get, "/api/1.0/accounts/{account_id}/bank-details", Access::bearer_token,
               get_bank_details);
}

}  // namespace revolut::mock
