// Transfers against revolut-mock over real TLS: paying counterparties (instant, pending,
// cross-currency), moving money between own accounts, transfer reasons, and the errors the
// spec documents. Idempotency and retries: transfers_idempotency_test.cpp; quotes and
// payment requirements: transfers_quote_test.cpp.
#include "money_fixture.hpp"

#include <revolut/api/transfers.hpp>

using namespace revolut;
using namespace revolut::test;
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;

TEST_CASE("transfers: paying a Revolut counterparty completes at once and debits exactly",
          "[integration][transfers]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto alice = revolut_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto paid = co_await client.transfers().create_transfer_to_another_account(
                main.gbp, alice.id, Decimal::parse("10.50"), "GBP", std::nullopt, std::nullopt,
                std::string("Invoice 1"), std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                std::string("pay-invoice-1"));
            CHECK(paid.state == TransactionState::completed);
            CHECK(paid.completed_at);
            CHECK(paid.request_id == "pay-invoice-1");
            auto balance = co_await balance_of(client, main.gbp);
            CHECK(balance == "12489.50");

            auto t = co_await client.transactions().get_transaction(paid.id);
            CHECK(t.type == TransactionType::transfer);
            CHECK(t.state == TransactionState::completed);
            CHECK(t.request_id == "pay-invoice-1");
            CHECK(t.reference == "Invoice 1");
            CHECK(t.created_at == paid.created_at);
            REQUIRE(t.legs.size() == 1);
            CHECK(t.legs[0].account_id == main.gbp.to_string());
            CHECK(t.legs[0].amount.to_string() == "-10.50");
            CHECK(t.legs[0].currency == "GBP");
            CHECK(t.legs[0].balance == Decimal::parse("12489.50"));
            CHECK(t.legs[0].description == "To Alice Builder");
            REQUIRE(t.legs[0].counterparty);
            CHECK(t.legs[0].counterparty->id == alice.id.to_string());
            CHECK(t.legs[0].counterparty->account_id == alice.account_id.to_string());
            CHECK(t.legs[0].counterparty->account_type == CounterpartyAccountType::revolut);
        });
    });
}

TEST_CASE("transfers: a bank payment stays pending with the money held until settled",
          "[integration][transfers]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto acme = uk_bank_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            CreatePaymentRequest request;
            request.account_id = main.gbp;
            request.receiver.counterparty_id = acme.id;
            request.amount = Decimal(100);
            request.currency = "GBP";
            request.charge_bearer = ChargeBearer::shared;
            auto reverted = co_await client.transfers().create_transfer_to_another_account(request);
            CHECK(reverted.state == TransactionState::pending);
            CHECK_FALSE(reverted.completed_at);
            CHECK(Uuid::try_parse(reverted.request_id));  // generated, and reported
            auto held = co_await balance_of(client, main.gbp);
            CHECK(held == "12400.00");  // the money cannot be spent twice while pending
            auto pending = co_await client.transactions().get_transaction(reverted.id);
            CHECK(pending.legs[0].counterparty->account_type == CounterpartyAccountType::external);
            CHECK(pending.request_id == reverted.request_id);

            // The sandbox simulations settle it: reverted gives the money back...
            co_await client.request(verb::post, "/1.0/sandbox/transactions/" + reverted.id + "/revert");
            auto back = co_await balance_of(client, main.gbp);
            CHECK(back == "12500.00");
            auto after_revert = co_await client.transactions().get_transaction(reverted.id);
            CHECK(after_revert.state == TransactionState::reverted);

            // ...completed keeps it paid.
            request.amount = Decimal::parse("200.01");
            auto completed = co_await client.transfers().create_transfer_to_another_account(request);
            co_await client.request(verb::post, "/1.0/sandbox/transactions/" + completed.id + "/complete");
            auto paid = co_await balance_of(client, main.gbp);
            CHECK(paid == "12299.99");
            auto done = co_await client.transactions().get_transaction(completed.id);
            CHECK(done.state == TransactionState::completed);
            CHECK(done.completed_at);
        });
    });
}

TEST_CASE("transfers: paying in another currency debits the converted amount", "[integration][transfers]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto berlin = eur_bank_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto rate = co_await client.foreign_exchange().get_exchange_rate("GBP", "EUR");
            CHECK(rate.rate.to_string() == "1.17");
            auto paid = co_await client.transfers().create_transfer_to_another_account(
                main.gbp, berlin.id, Decimal::parse("100.00"), "EUR");
            // 100.00 EUR / 1.17 = 85.4700… GBP, to the penny.
            auto t = co_await client.transactions().get_transaction(paid.id);
            REQUIRE(t.legs.size() == 1);
            CHECK(t.legs[0].amount.to_string() == "-85.47");
            CHECK(t.legs[0].currency == "GBP");
            CHECK(t.legs[0].bill_amount->to_string() == "-100.00");
            CHECK(t.legs[0].bill_currency == "EUR");
            auto balance = co_await balance_of(client, main.gbp);
            CHECK(balance == "12414.53");
        });
    });
}

TEST_CASE("transfers: insufficient funds are refused, never a negative balance", "[integration][transfers]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto alice = revolut_counterparty(server);
        const auto acme = uk_bank_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto transfers = client.transfers();
            auto too_much = co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal::parse("12500.01"), "GBP"),
                Errc::bad_request);
            CHECK(too_much.status() == 400);
            CHECK(too_much.api_message() == "Insufficient balance");
            auto untouched = co_await balance_of(client, main.gbp);
            CHECK(untouched == "12500.00");
            auto none = co_await transaction_count(client);
            CHECK(none == 0);

            // Held money counts: a pending payment leaves less to spend.
            co_await transfers.create_transfer_to_another_account(main.gbp, acme.id, Decimal(12000), "GBP");
            co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(501), "GBP"), Errc::bad_request);
            auto all = co_await transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(500), "GBP");
            CHECK(all.state == TransactionState::completed);
            auto zero = co_await balance_of(client, main.gbp);
            CHECK(zero == "0.00");
            co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal::parse("0.01"), "GBP"),
                Errc::bad_request);
        });
    });
}

TEST_CASE("transfers: payment errors carry the spec's codes", "[integration][transfers][errors]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto alice = revolut_counterparty(server);
        const auto chennai = inr_bank_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto transfers = client.transfers();
            auto unknown = co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, Uuid::random(), Decimal(1), "GBP"),
                Errc::bad_request);
            CHECK(unknown.api_code() == 3544);
            auto wrong_account = co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(1), "GBP", Uuid::random()),
                Errc::bad_request);
            CHECK(wrong_account.api_code() == 3544);
            auto mismatch = co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(1), "USD"), Errc::bad_request);
            CHECK(mismatch.api_code() == 3187);
            auto bearer = co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(1), "GBP", std::nullopt,
                                                             std::nullopt, std::nullopt,
                                                             OpenEnum<ChargeBearer>(ChargeBearer::debtor)),
                Errc::bad_request);
            CHECK(bearer.api_code() == 3287);
            auto no_reason = co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, chennai.id, Decimal(1000), "INR"),
                Errc::bad_request);
            CHECK(no_reason.api_code() == 4100);
            auto from_nowhere = co_await expect_api_error(
                transfers.create_transfer_to_another_account(Uuid::random(), alice.id, Decimal(1), "GBP"),
                Errc::not_found);
            CHECK(from_nowhere.status() == 404);
            auto too_precise = co_await expect_api_error(
                transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal::parse("1.001"), "GBP"),
                Errc::bad_request);
            CHECK(too_precise.api_code() == 3000);

            // With a reason the INR payment goes out, converted from GBP: 1000 / 105.8 = 9.45.
            auto with_reason = co_await transfers.create_transfer_to_another_account(
                main.gbp, chennai.id, Decimal(1000), "INR", std::nullopt, std::nullopt, std::string("INV-77"),
                std::nullopt, OpenEnum<TransferReasonCode>(TransferReasonCode::advertising));
            CHECK(with_reason.state == TransactionState::pending);
            auto t = co_await client.transactions().get_transaction(with_reason.id);
            CHECK(t.legs[0].amount.to_string() == "-9.45");

            // Refused by the emulator when sent raw (the client refuses them before sending).
            json::object both{{"request_id", "raw-1"},
                              {"account_id", main.gbp.to_string()},
                              {"receiver", json::object{{"counterparty_id", alice.id.to_string()},
                                                        {"account_id", alice.account_id.to_string()},
                                                        {"card_id", Uuid::random().to_string()}}},
                              {"amount", 1},
                              {"currency", "GBP"}};
            auto e = co_await expect_api_error(client.request(verb::post, "/1.0/pay", json::value(both)),
                                               Errc::bad_request);
            CHECK(e.api_code() == 3000);
            json::object no_request_id = both;
            no_request_id.erase("request_id");
            no_request_id.at("receiver").as_object().erase("card_id");
            co_await expect_api_error(client.request(verb::post, "/1.0/pay", json::value(no_request_id)),
                                      Errc::bad_request);

            const auto before = server.stats().requests;
            co_await expect_invalid(transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(0), "GBP"));
            co_await expect_invalid(transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(1), "GBP",
                                                                                 alice.account_id, Uuid::random()));
            co_await expect_invalid(transfers.create_transfer_to_another_account(
                main.gbp, alice.id, Decimal(1), "GBP", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                std::nullopt, std::nullopt, std::nullopt, std::string(41, 'x')));
            CHECK(server.stats().requests == before);
        });
    });
}

TEST_CASE("transfers: moving money between own accounts", "[integration][transfers]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto savings = server.add_account("Savings", "GBP", Decimal::parse("0.00"));
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto transfers = client.transfers();
            auto moved = co_await transfers.move_money_between_accounts(main.gbp, savings, Decimal::parse("250.25"),
                                                                        "GBP", std::string("Rainy day"),
                                                                        std::string("move-1"));
            CHECK(moved.state == TransactionState::completed);
            CHECK(moved.request_id == "move-1");
            auto main_balance = co_await balance_of(client, main.gbp);
            auto savings_balance = co_await balance_of(client, savings);
            CHECK(main_balance == "12249.75");
            CHECK(savings_balance == "250.25");

            auto t = co_await client.transactions().get_transaction(moved.id);
            CHECK(t.type == TransactionType::transfer);
            CHECK(t.reference == "Rainy day");
            REQUIRE(t.legs.size() == 2);
            CHECK(t.legs[0].account_id == main.gbp.to_string());
            CHECK(t.legs[0].amount.to_string() == "-250.25");
            CHECK(t.legs[0].balance == Decimal::parse("12249.75"));
            CHECK(t.legs[0].counterparty->account_type == CounterpartyAccountType::self);
            CHECK(t.legs[0].counterparty->account_id == savings.to_string());
            CHECK(t.legs[1].account_id == savings.to_string());
            CHECK(t.legs[1].amount.to_string() == "250.25");
            CHECK(t.legs[1].balance == Decimal::parse("250.25"));
            // Both accounts list it.
            auto listed = co_await client.transactions().get_all_transactions(std::nullopt, std::nullopt, savings);
            REQUIRE(listed.size() == 1);
            CHECK(listed[0].id == moved.id);

            auto wrong_currency = co_await expect_api_error(
                transfers.move_money_between_accounts(main.gbp, main.eur, Decimal(1), "GBP"), Errc::bad_request);
            CHECK(wrong_currency.api_code() == 3000);
            co_await expect_api_error(transfers.move_money_between_accounts(savings, main.gbp, Decimal::parse("250.26"), "GBP"),
                                      Errc::bad_request);
            co_await expect_api_error(transfers.move_money_between_accounts(Uuid::random(), main.gbp, Decimal(1), "GBP"),
                                      Errc::not_found);
            co_await expect_invalid(transfers.move_money_between_accounts(main.gbp, main.gbp, Decimal(1), "GBP"));
            auto unchanged = co_await balance_of(client, savings);
            CHECK(unchanged == "250.25");
        });
    });
}

TEST_CASE("transfers: transfer reasons per country and currency", "[integration][transfers]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto reasons = co_await client.transfers().get_transfer_reasons();
            REQUIRE_FALSE(reasons.empty());
            bool advertising = false;
            for (const auto& r : reasons) {
                CHECK(r.code.is_known());
                CHECK_FALSE(r.description.empty());
                advertising = advertising || (r.country == "IN" && r.currency == "INR" &&
                                              r.code == TransferReasonCode::advertising);
            }
            CHECK(advertising);
            json::value raw = co_await client.transfers(revolut::raw).get_transfer_reasons();
            CHECK(raw.as_array()[0].as_object().size() == 4);
        });
    });
}
