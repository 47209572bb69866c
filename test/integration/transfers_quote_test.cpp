// Pricing and requirements before paying: /pay/indicative-quote and /pay/fields against
// revolut-mock over real TLS. Neither moves money.
#include "money_fixture.hpp"

#include <revolut/api/transfers.hpp>

using namespace revolut;
using namespace revolut::test;
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;

namespace {

Date today_utc() {
    return Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

const PaymentRequirementsField* field_named(const PaymentRequirements& r, std::string_view name) {
    for (const auto& f : r.fields)
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("quotes: fees, rate, total and arrival, without moving money", "[integration][transfers]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto alice = revolut_counterparty(server);
        const auto berlin = eur_bank_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            IndicativeQuoteRequest request;
            request.account_id = main.gbp;
            request.receiver.counterparty_id = alice.id;
            request.amount = Decimal(25);
            request.currency = "GBP";
            auto same = co_await client.transfers().get_indicative_quote(request);
            CHECK(same.amount == Money{Decimal(25), "GBP"});
            CHECK(same.fee.amount.is_zero());
            CHECK(same.fee.currency == "GBP");
            CHECK_FALSE(same.fee.breakdown);
            CHECK(same.estimated_total == Money{Decimal(25), "GBP"});
            CHECK_FALSE(same.estimated_exchange_rate);
            CHECK_FALSE(same.estimated_amount_after_exchange);
            REQUIRE(same.estimated_arrival);
            CHECK(same.estimated_arrival->speed == ArrivalSpeed::instant);
            CHECK(same.estimated_arrival->date == today_utc());

            request.receiver.counterparty_id = berlin.id;
            request.amount = Decimal::parse("100.50");
            request.currency = "EUR";
            request.charge_bearer = ChargeBearer::shared;
            auto cross = co_await client.transfers().get_indicative_quote(request);
            CHECK(cross.amount.amount.to_string() == "100.50");
            CHECK(cross.amount.currency == "EUR");
            CHECK(cross.estimated_exchange_rate == Decimal::parse("1.17"));
            // 100.50 / 1.17 = 85.897… GBP.
            CHECK(cross.estimated_amount_after_exchange == Money{Decimal::parse("85.90"), "GBP"});
            CHECK(cross.estimated_total == Money{Decimal::parse("85.90"), "GBP"});
            CHECK(cross.estimated_arrival->speed == ArrivalSpeed::tomorrow);

            auto untouched = co_await balance_of(client, main.gbp);
            CHECK(untouched == "12500.00");
            auto none = co_await transaction_count(client);
            CHECK(none == 0);

            // The payment it prices costs what it said.
            auto paid = co_await client.transfers().create_transfer_to_another_account(
                main.gbp, berlin.id, Decimal::parse("100.50"), "EUR");
            auto t = co_await client.transactions().get_transaction(paid.id);
            CHECK(-t.legs.at(0).amount == cross.estimated_total.amount);
        });
    });
}

TEST_CASE("quotes: errors carry the spec's codes", "[integration][transfers][errors]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto alice = revolut_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            IndicativeQuoteRequest request;
            request.account_id = main.gbp;
            request.receiver.counterparty_id = Uuid::random();
            request.amount = Decimal(1);
            request.currency = "GBP";
            auto unknown = co_await expect_api_error(client.transfers().get_indicative_quote(request), Errc::bad_request);
            CHECK(unknown.api_code() == 3544);
            request.receiver.counterparty_id = alice.id;
            request.currency = "EUR";
            auto mismatch = co_await expect_api_error(client.transfers().get_indicative_quote(request), Errc::bad_request);
            CHECK(mismatch.api_code() == 3187);

            json::object both{{"account_id", main.gbp.to_string()},
                              {"receiver", json::object{{"counterparty_id", alice.id.to_string()},
                                                        {"account_id", alice.account_id.to_string()},
                                                        {"card_id", Uuid::random().to_string()}}},
                              {"amount", 1},
                              {"currency", "GBP"}};
            auto e = co_await expect_api_error(
                client.request(verb::post, "/1.0/pay/indicative-quote", json::value(both)), Errc::bad_request);
            CHECK(e.api_code() == 2101);
        });
    });
}

TEST_CASE("payment requirements: the fields a destination needs", "[integration][transfers]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto alice = revolut_counterparty(server);
        const auto acme = uk_bank_counterparty(server);
        const auto chennai = inr_bank_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto transfers = client.transfers();
            TransferReceiver receiver;
            receiver.counterparty_id = alice.id;
            auto revolut_fields = co_await transfers.get_payment_requirements(main.gbp, receiver);
            REQUIRE(revolut_fields.fields.size() == 1);
            CHECK(revolut_fields.fields[0].name == "reference");
            CHECK_FALSE(revolut_fields.fields[0].required);
            CHECK(revolut_fields.fields[0].validation->max_length == 140);

            receiver.counterparty_id = acme.id;
            receiver.account_id = acme.account_id;
            auto bank_fields = co_await transfers.get_payment_requirements(main.gbp, receiver);
            const auto* bearer = field_named(bank_fields, "charge_bearer");
            REQUIRE(bearer);
            REQUIRE(bearer->options.size() == 2);
            CHECK(bearer->options[0].value == "shared");
            CHECK(bearer->options[0].is_default);
            CHECK(bearer->options[1].value == "debtor");

            receiver.counterparty_id = chennai.id;
            receiver.account_id.reset();
            auto inr_fields = co_await transfers.get_payment_requirements(main.gbp, receiver);
            const auto* reference = field_named(inr_fields, "reference");
            REQUIRE(reference);
            CHECK(reference->required);
            CHECK(reference->validation->max_length == 30);
            const auto* reason = field_named(inr_fields, "transfer_reason_code");
            REQUIRE(reason);
            CHECK(reason->required);
            bool advertising = false;
            for (const auto& o : reason->options) advertising = advertising || o.value == "advertising";
            CHECK(advertising);

            receiver.counterparty_id = Uuid::random();
            auto missing = co_await expect_api_error(transfers.get_payment_requirements(main.gbp, receiver),
                                                     Errc::not_found);
            CHECK(missing.api_code() == 3006);
            receiver.counterparty_id = alice.id;
            auto no_account = co_await expect_api_error(transfers.get_payment_requirements(Uuid::random(), receiver),
                                                        Errc::not_found);
            CHECK(no_account.api_code() == 3006);
        });
    });
}
