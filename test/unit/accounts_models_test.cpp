// Accounts: models from spec-like JSON (exact balances, enums, required fields) and request
// building, without sockets.
#include "model_test_support.hpp"

#include <revolut/api/accounts.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
using revolut_test::require_error;
namespace requests = revolut::detail::accounts;
using verb = boost::beast::http::verb;

namespace {

const char* accounts_json = R"([
  {"id": "b7ec67d3-5af1-42c8-bece-3d2801c0894d", "name": "International account", "balance": 3171.89,
   "currency": "GBP", "state": "active", "public": false,
   "created_at": "2022-08-05T14:29:22.215785Z", "updated_at": "2022-08-05T14:29:22.215785Z"},
  {"id": "0c3e1a5b-5afd-42c2-bece-3d2801c0894e", "balance": 411561.10, "currency": "EUR",
   "state": "frozen_for_audit", "public": true,
   "created_at": "2022-08-25T14:29:22Z", "updated_at": "2022-08-30T14:29:22.5Z", "colour": "blue"}
])";

const char* bank_details_json = R"([
  {"iban": "GB66REVO00996995908888", "bic": "REVOGB21", "beneficiary": "International account",
   "beneficiary_address": {"street_line1": "Revolut Ltd", "street_line2": "1 Example Square",
                           "city": "London", "country": "GB", "postcode": "E14 5AB"},
   "bank_country": "GB", "pooled": false, "schemes": ["swift", "carrier_pigeon"],
   "estimated_time": {"unit": "days", "min": 1, "max": 3}},
  {"account_no": "95908888", "sort_code": "00-99-69", "beneficiary": "International account",
   "beneficiary_address": {"country": "GB", "postcode": "E14 5AB"}, "pooled": true,
   "unique_reference": "REF-1", "schemes": ["faster_payments", "bacs"], "estimated_time": {"unit": "hours"}}
])";

}  // namespace

TEST_CASE("accounts decode with exact balances and every field", "[accounts]") {
    auto accounts = decode<std::vector<Account>>(accounts_json);
    REQUIRE(accounts.size() == 2);
    const auto& first = accounts[0];
    CHECK(first.id == Uuid("b7ec67d3-5af1-42c8-bece-3d2801c0894d"));
    CHECK(first.name == "International account");
    CHECK(first.balance == Decimal::parse("3171.89"));
    CHECK(first.balance.to_string() == "3171.89");
    CHECK(first.currency == "GBP");
    CHECK(first.state == AccountState::active);
    CHECK_FALSE(first.is_public);
    CHECK(first.created_at == parse_timestamp("2022-08-05T14:29:22.215785Z"));
    CHECK(first.updated_at == first.created_at);

    const auto& second = accounts[1];
    CHECK_FALSE(second.name);
    CHECK(second.balance.to_string() == "411561.10");  // the digits as sent
    CHECK(second.is_public);
    CHECK_FALSE(second.state.is_known());  // unknown state kept verbatim
    CHECK(second.state.str() == "frozen_for_audit");
    CHECK(second.updated_at == parse_timestamp("2022-08-30T14:29:22.500Z"));

    auto one = decode<Account>(R"({"id": "b7ec67d3-5af1-42c8-bece-3d2801c0894d", "balance": 0, "currency": "USD",
        "state": "inactive", "public": false, "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"})");
    CHECK(one.state == AccountState::inactive);
    CHECK(one.balance.is_zero());
}

TEST_CASE("an account without a required field is an invalid response", "[accounts]") {
    for (const char* missing : {"id", "balance", "currency", "state", "public", "created_at", "updated_at"}) {
        INFO(missing);
        auto json = boost::json::parse(R"({"id": "b7ec67d3-5af1-42c8-bece-3d2801c0894d", "balance": 1, "currency": "GBP",
            "state": "active", "public": false, "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"})");
        json.as_object().erase(missing);
        require_error([&] { decode<Account>(boost::json::serialize(json)); }, Errc::invalid_response);
    }
    // A binary double never reaches a balance: the exact parser keeps the text, and a
    // malformed id or amount is refused.
    require_error([] { decode<Account>(R"({"id": "not-a-uuid", "balance": 1, "currency": "GBP", "state": "active",
        "public": false, "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"})"); },
                  Errc::invalid_response);
    require_error([] { decode<Account>(R"({"id": "b7ec67d3-5af1-42c8-bece-3d2801c0894d", "balance": "12", "currency": "GBP",
        "state": "active", "public": false, "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"})"); },
                  Errc::invalid_response);
}

TEST_CASE("bank details decode with addresses, schemes and estimated time", "[accounts]") {
    auto details = decode<std::vector<AccountBankDetails>>(bank_details_json);
    REQUIRE(details.size() == 2);
    const auto& swift = details[0];
    CHECK(swift.iban == "GB66REVO00996995908888");
    CHECK(swift.bic == "REVOGB21");
    CHECK_FALSE(swift.account_no);
    CHECK(swift.beneficiary == "International account");
    CHECK(swift.beneficiary_address.street_line1 == "Revolut Ltd");
    CHECK(swift.beneficiary_address.street_line2 == "1 Example Square");
    CHECK_FALSE(swift.beneficiary_address.region);
    CHECK(swift.beneficiary_address.city == "London");
    CHECK(swift.beneficiary_address.country == "GB");
    CHECK(swift.beneficiary_address.postcode == "E14 5AB");
    CHECK(swift.bank_country == "GB");
    CHECK(swift.pooled == false);
    REQUIRE(swift.schemes.size() == 2);
    CHECK(swift.schemes[0] == PaymentScheme::swift);
    CHECK(swift.schemes[1].str() == "carrier_pigeon");  // unknown scheme kept
    CHECK(swift.estimated_time.unit == EstimatedTimeUnit::days);
    CHECK(swift.estimated_time.min == 1);
    CHECK(swift.estimated_time.max == 3);

    const auto& local = details[1];
    CHECK(local.account_no == "95908888");
    CHECK(local.sort_code == "00-99-69");
    CHECK_FALSE(local.iban);
    CHECK(local.pooled == true);
    CHECK(local.unique_reference == "REF-1");
    CHECK(local.schemes[0] == PaymentScheme::faster_payments);
    CHECK(local.schemes[1] == PaymentScheme::bacs);
    CHECK(local.estimated_time.unit == EstimatedTimeUnit::hours);
    CHECK_FALSE(local.estimated_time.min);

    require_error([] { decode<std::vector<AccountBankDetails>>(R"([{"beneficiary": "x", "schemes": [],
        "estimated_time": {"unit": "days"}}])"); }, Errc::invalid_response);  // no beneficiary_address
    require_error([] { decode<std::vector<AccountBankDetails>>(R"([{"beneficiary": "x", "schemes": [],
        "beneficiary_address": {"country": "GB"}, "estimated_time": {"unit": "days"}}])"); },
                  Errc::invalid_response);  // an address needs a postcode
    require_error([] { decode<std::vector<AccountBankDetails>>(R"([{"beneficiary": "x",
        "beneficiary_address": {"country": "GB", "postcode": "E1"}, "estimated_time": {"unit": "days"}}])"); },
                  Errc::invalid_response);  // no schemes
}

TEST_CASE("account routes carry the 1.0 version and the account id", "[accounts]") {
    const Uuid id{"b7ec67d3-5af1-42c8-bece-3d2801c0894d"};
    auto all = requests::get_all_accounts();
    CHECK(all.method == verb::get);
    CHECK(all.target == "/1.0/accounts");
    CHECK_FALSE(all.json_body);
    CHECK(all.environment == detail::Environment::any);
    CHECK(requests::get_account(id).target == "/1.0/accounts/b7ec67d3-5af1-42c8-bece-3d2801c0894d");
    auto details = requests::get_full_bank_details(id);
    CHECK(details.method == verb::get);
    CHECK(details.target == "/1.0/accounts/b7ec67d3-5af1-42c8-bece-3d2801c0894d/bank-details");
    require_error([] { requests::get_account(Uuid{}); }, Errc::invalid_argument);
    require_error([] { requests::get_full_bank_details(Uuid{}); }, Errc::invalid_argument);
}
