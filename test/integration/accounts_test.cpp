// The three Accounts methods against revolut-mock over real TLS.
#include "support/expect.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/accounts.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::run_async;

using revolut::test::expect_api_error;

namespace {

// ISO 13616: an IBAN is valid when its rearranged digits leave remainder 1 mod 97.
bool valid_iban(const std::string& iban) {
    if (iban.size() < 5) return false;
    std::string rearranged = iban.substr(4) + iban.substr(0, 4);
    unsigned remainder = 0;
    for (char c : rearranged) {
        if (c >= 'A' && c <= 'Z') remainder = (remainder * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
        else if (c >= '0' && c <= '9') remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
        else return false;
    }
    return remainder == 1;
}

}  // namespace

TEST_CASE("accounts: list, get one, exact balances, unknown id", "[integration][accounts]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto usd = server.add_account("Dollars", "USD", Decimal::parse("1234.56"));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto accounts = co_await client.accounts().get_all_accounts();
            REQUIRE(accounts.size() == 3);
            CHECK(accounts[0].currency == "GBP");
            CHECK(accounts[0].name == "Main");
            CHECK(accounts[0].balance.to_string() == "12500.00");
            CHECK(accounts[0].state == AccountState::active);
            CHECK_FALSE(accounts[0].is_public);
            CHECK(accounts[1].currency == "EUR");
            CHECK(accounts[1].balance == Decimal(8000));
            CHECK(accounts[2].id == usd);

            auto one = co_await client.accounts().get_account(usd);
            CHECK(one.id == usd);
            CHECK(one.name == "Dollars");
            CHECK(one.balance.to_string() == "1234.56");
            CHECK(one.currency == "USD");
            CHECK(one.created_at <= one.updated_at);

            auto missing = co_await expect_api_error(client.accounts().get_account(Uuid::random()), Errc::not_found);
            CHECK(missing.status() == 404);
        });
    });
}

TEST_CASE("accounts: full bank details per currency, stable and well-formed", "[integration][accounts]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto usd = server.add_account("Dollars", "USD", Decimal(0));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto accounts = co_await client.accounts().get_all_accounts();
            auto gbp = co_await client.accounts().get_full_bank_details(accounts[0].id);
            REQUIRE(gbp.size() == 2);
            const auto& local = gbp[0];
            CHECK(local.beneficiary == "Main");
            REQUIRE(local.account_no);
            CHECK(local.account_no->size() == 8);
            REQUIRE(local.sort_code);
            CHECK(local.bank_country == "GB");
            CHECK(local.beneficiary_address.country == "GB");
            CHECK_FALSE(local.beneficiary_address.postcode.empty());
            REQUIRE(local.schemes.size() == 3);
            CHECK(local.schemes[0] == PaymentScheme::faster_payments);
            CHECK(local.estimated_time.unit.is_known());
            const auto& swift = gbp[1];
            REQUIRE(swift.iban);
            CHECK(swift.iban->starts_with("GB"));
            CHECK(valid_iban(*swift.iban));
            CHECK(swift.bic == "REVOGB21");
            REQUIRE(swift.schemes.size() == 1);
            CHECK(swift.schemes[0] == PaymentScheme::swift);
            // Fixed per account: asking again gives the same details.
            auto again = co_await client.accounts().get_full_bank_details(accounts[0].id);
            CHECK(again[1].iban == swift.iban);
            CHECK(again[0].account_no == local.account_no);

            auto eur = co_await client.accounts().get_full_bank_details(accounts[1].id);
            REQUIRE(eur.size() == 2);
            REQUIRE(eur[0].iban);
            CHECK(eur[0].iban->starts_with("LT"));
            CHECK(valid_iban(*eur[0].iban));
            CHECK(eur[0].schemes[0] == PaymentScheme::sepa);
            CHECK(*eur[1].iban != *swift.iban);  // another account, other numbers

            auto dollars = co_await client.accounts().get_full_bank_details(usd);
            CHECK(dollars[0].routing_number);
            CHECK(dollars[0].schemes[0] == PaymentScheme::ach);

            co_await expect_api_error(client.accounts().get_full_bank_details(Uuid::random()), Errc::not_found);
        });
    });
}

TEST_CASE("accounts: raw JSON keeps the spec's shape and the balance's digits", "[integration][accounts]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            boost::json::value all = co_await client.accounts(revolut::raw).get_all_accounts();
            REQUIRE(all.is_array());
            const auto& first = all.as_array()[0].as_object();
            for (const char* key : {"id", "name", "balance", "currency", "state", "public", "created_at", "updated_at"})
                CHECK(first.contains(key));
            CHECK(first.at("public").is_bool());
            Uuid id{first.at("id").as_string()};
            boost::json::value details = co_await client.accounts(revolut::raw).get_full_bank_details(id);
            REQUIRE(details.is_array());
            const auto& item = details.as_array()[0].as_object();
            for (const char* key : {"beneficiary", "beneficiary_address", "schemes", "estimated_time"})
                CHECK(item.contains(key));
        });
    });
}
