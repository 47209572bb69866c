// The Foreign exchange methods against revolut-mock over real TLS: rates from the emulator's
// table, selling and buying exact amounts (the other side rounded to the currency's minor
// unit), balances, and exchange reasons.
#include "money_fixture.hpp"

#include <revolut/api/foreign_exchange.hpp>

using namespace revolut;
using namespace revolut::test;
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;

TEST_CASE("foreign exchange: rates for an amount, rounded to the target's minor unit",
          "[integration][foreign_exchange]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto fx = client.foreign_exchange();
            auto one = co_await fx.get_exchange_rate("GBP", "EUR");
            CHECK(one.from.amount->to_string() == "1.00");
            CHECK(one.from.currency == "GBP");
            CHECK(one.to.amount->to_string() == "1.17");
            CHECK(one.to.currency == "EUR");
            CHECK(one.rate.to_string() == "1.17");
            CHECK(one.fee.amount == Decimal(0));
            CHECK(one.fee.currency == "GBP");
            const auto now = std::chrono::system_clock::now();
            CHECK(one.rate_date <= now);
            CHECK(one.rate_date > now - std::chrono::minutes(1));

            auto back = co_await fx.get_exchange_rate("EUR", "GBP", Decimal(100));
            CHECK(back.rate.to_string() == "0.8547008547");  // 1 / 1.17 to 10 places
            CHECK(back.to.amount->to_string() == "85.47");
            auto yen = co_await fx.get_exchange_rate("GBP", "JPY", Decimal::parse("10.01"));
            CHECK(yen.to.amount->to_string() == "1907");  // 1906.905 → no minor unit in JPY

            auto unknown = co_await expect_api_error(fx.get_exchange_rate("GBP", "XYZ"), Errc::not_found);
            CHECK(unknown.api_code() == 3472);
            json::value raw = co_await client.foreign_exchange(revolut::raw).get_exchange_rate("USD", "EUR");
            for (const char* key : {"from", "to", "rate", "fee", "rate_date"}) CHECK(raw.as_object().contains(key));
        });
    });
}

TEST_CASE("foreign exchange: selling and buying move both balances exactly", "[integration][foreign_exchange]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto fx = client.foreign_exchange();
            // Sell 100.00 GBP.
            auto sold = co_await fx.exchange_money(main.gbp, "GBP", main.eur, "EUR", Decimal::parse("100.00"),
                                                   std::nullopt, std::string("Q3 invoices"));
            CHECK(sold.type == TransactionType::exchange);
            CHECK(sold.state == TransactionState::completed);
            CHECK(sold.completed_at);
            CHECK(Uuid::try_parse(sold.request_id));
            auto gbp = co_await balance_of(client, main.gbp);
            auto eur = co_await balance_of(client, main.eur);
            CHECK(gbp == "12400.00");
            CHECK(eur == "8117.00");
            auto t = co_await client.transactions().get_transaction(sold.id);
            CHECK(t.type == TransactionType::exchange);
            CHECK(t.reference == "Q3 invoices");
            CHECK(t.request_id == sold.request_id);
            REQUIRE(t.legs.size() == 2);
            CHECK(t.legs[0].account_id == main.gbp.to_string());
            CHECK(t.legs[0].amount.to_string() == "-100.00");
            CHECK(t.legs[0].bill_amount->to_string() == "-117.00");
            CHECK(t.legs[0].bill_currency == "EUR");
            CHECK(t.legs[0].balance == Decimal::parse("12400.00"));
            CHECK(t.legs[1].account_id == main.eur.to_string());
            CHECK(t.legs[1].amount.to_string() == "117.00");
            CHECK(t.legs[1].currency == "EUR");
            CHECK(t.legs[1].balance == Decimal::parse("8117.00"));

            // Buy exactly 50.00 EUR: 50 / 1.17 = 42.735… GBP, rounded to 42.74.
            ExchangeRequest buy;
            buy.from.account_id = main.gbp;
            buy.from.currency = "GBP";
            buy.to.account_id = main.eur;
            buy.to.currency = "EUR";
            buy.to.amount = Decimal::parse("50.00");
            buy.exchange_reason_code = ExchangeReasonCode::inventory;
            auto bought = co_await fx.exchange_money(buy);
            auto b = co_await client.transactions().get_transaction(bought.id);
            CHECK(b.legs[0].amount.to_string() == "-42.74");
            CHECK(b.legs[1].amount.to_string() == "50.00");
            auto gbp_after = co_await balance_of(client, main.gbp);
            auto eur_after = co_await balance_of(client, main.eur);
            CHECK(gbp_after == "12357.26");
            CHECK(eur_after == "8167.00");
        });
    });
}

TEST_CASE("foreign exchange: refusals leave balances alone", "[integration][foreign_exchange][errors]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto usd = server.add_account("Dollars", "USD", Decimal::parse("10.00"));
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto fx = client.foreign_exchange();
            auto too_much = co_await expect_api_error(
                fx.exchange_money(usd, "USD", main.gbp, "GBP", Decimal::parse("10.01")), Errc::bad_request);
            CHECK(too_much.api_message() == "Insufficient balance");
            auto wrong_currency = co_await expect_api_error(
                fx.exchange_money(usd, "EUR", main.gbp, "GBP", Decimal(1)), Errc::bad_request);
            CHECK(wrong_currency.api_code() == 3000);
            co_await expect_api_error(fx.exchange_money(Uuid::random(), "USD", main.gbp, "GBP", Decimal(1)),
                                      Errc::not_found);
            auto too_precise = co_await expect_api_error(
                fx.exchange_money(usd, "USD", main.gbp, "GBP", Decimal::parse("1.005")), Errc::bad_request);
            CHECK(too_precise.api_code() == 3000);
            auto dollars = co_await balance_of(client, usd);
            CHECK(dollars == "10.00");
            auto none = co_await transaction_count(client);
            CHECK(none == 0);

            // Everything: the balance reaches zero, never below.
            auto all = co_await fx.exchange_money(usd, "USD", main.gbp, "GBP", Decimal::parse("10.00"));
            CHECK(all.state == TransactionState::completed);
            auto empty = co_await balance_of(client, usd);
            CHECK(empty == "0.00");

            // Raw: both amounts, or neither, is the emulator's 400 too.
            json::object both{{"from", json::object{{"account_id", main.gbp.to_string()}, {"currency", "GBP"}, {"amount", 1}}},
                              {"to", json::object{{"account_id", main.eur.to_string()}, {"currency", "EUR"}, {"amount", 1}}},
                              {"request_id", "raw-fx"}};
            co_await expect_api_error(client.request(verb::post, "/1.0/exchange", json::value(both)), Errc::bad_request);

            const auto before = server.stats().requests;
            co_await expect_invalid(fx.exchange_money(main.gbp, "GBP", main.eur, "EUR", Decimal(1), Decimal(1)));
            co_await expect_invalid(fx.exchange_money(main.gbp, "GBP", main.eur, "EUR"));
            co_await expect_invalid(fx.exchange_money(main.gbp, "GBP", main.gbp, "GBP", Decimal(1)));
            co_await expect_invalid(fx.get_exchange_rate("GBP", "eur"));
            CHECK(server.stats().requests == before);
        });
    });
}

TEST_CASE("foreign exchange: exchange reasons", "[integration][foreign_exchange]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto reasons = co_await client.foreign_exchange().get_exchange_reasons();
            REQUIRE(reasons.size() == 18);
            CHECK(reasons[0].code == ExchangeReasonCode::business_expense_and_claims);
            CHECK(reasons[0].name == "Business expense and claims");
            for (const auto& r : reasons) CHECK(r.code.is_known());
        });
    });
}
