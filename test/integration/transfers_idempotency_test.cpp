// Money moves once: a request_id sent again returns the original transaction (on /pay, a
// different payment reusing it is refused with code 3020), also when the first answer was
// lost and the client retried on its own. And every booking fires its webhook events.
#include "money_fixture.hpp"

#include "support/faults.hpp"
#include "support/raw_https.hpp"

#include <revolut/api/foreign_exchange.hpp>
#include <revolut/api/transfers.hpp>
#include <revolut/api/webhooks.hpp>
#include <revolut/webhook/events.hpp>

using namespace revolut;
using namespace revolut::test;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;

TEST_CASE("idempotency: the same request_id twice pays once and returns the original",
          "[integration][transfers][idempotency]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto alice = revolut_counterparty(server);
        const auto savings = server.add_account("Savings", "GBP", Decimal(0));
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto transfers = client.transfers();
            CreatePaymentRequest payment;
            payment.account_id = main.gbp;
            payment.receiver.counterparty_id = alice.id;
            payment.amount = Decimal::parse("42.00");
            payment.currency = "GBP";
            payment.request_id = "invoice-42";
            auto first = co_await transfers.create_transfer_to_another_account(payment);
            auto second = co_await transfers.create_transfer_to_another_account(payment);
            CHECK(second.id == first.id);
            CHECK(second.created_at == first.created_at);
            CHECK(second.request_id == "invoice-42");
            auto count = co_await transaction_count(client);
            CHECK(count == 1);
            auto balance = co_await balance_of(client, main.gbp);
            CHECK(balance == "12458.00");

            // 42 and 42.00 are the same amount: still the same request.
            payment.amount = Decimal(42);
            auto same_value = co_await transfers.create_transfer_to_another_account(payment);
            CHECK(same_value.id == first.id);
            // A different payment under the same key is the spec's duplicate error.
            payment.amount = Decimal(43);
            auto duplicate = co_await expect_api_error(transfers.create_transfer_to_another_account(payment),
                                                       Errc::bad_request);
            CHECK(duplicate.api_code() == 3020);
            CHECK(duplicate.api_message() == "Duplicate request: invoice-42");
            auto still_one = co_await transaction_count(client);
            CHECK(still_one == 1);

            // /transfer and /exchange return the original too.
            auto moved = co_await transfers.move_money_between_accounts(main.gbp, savings, Decimal(10), "GBP",
                                                                        std::nullopt, std::string("move-7"));
            auto moved_again = co_await transfers.move_money_between_accounts(main.gbp, savings, Decimal(10), "GBP",
                                                                              std::nullopt, std::string("move-7"));
            CHECK(moved_again.id == moved.id);
            auto exchanged = co_await client.foreign_exchange().exchange_money(
                main.gbp, "GBP", main.eur, "EUR", Decimal(100), std::nullopt, std::nullopt, std::nullopt,
                std::string("fx-7"));
            auto exchanged_again = co_await client.foreign_exchange().exchange_money(
                main.gbp, "GBP", main.eur, "EUR", Decimal(100), std::nullopt, std::nullopt, std::nullopt,
                std::string("fx-7"));
            CHECK(exchanged_again.id == exchanged.id);
            auto gbp = co_await balance_of(client, main.gbp);
            auto eur = co_await balance_of(client, main.eur);
            auto saved = co_await balance_of(client, savings);
            CHECK(gbp == "12348.00");  // 12500 - 42 - 10 - 100, each once
            CHECK(eur == "8117.00");
            CHECK(saved == "10");
            auto three = co_await transaction_count(client);
            CHECK(three == 3);

            // A key used by another kind of operation is a duplicate, not a retry.
            co_await expect_api_error(transfers.move_money_between_accounts(main.gbp, savings, Decimal(1), "GBP",
                                                                            std::nullopt, std::string("invoice-42")),
                                      Errc::bad_request);
        });
    });
}

TEST_CASE("idempotency: retrying by hand with the result's request_id pays once",
          "[integration][transfers][idempotency]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto acme = uk_bank_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto transfers = client.transfers();
            auto first = co_await transfers.create_transfer_to_another_account(main.gbp, acme.id, Decimal(75), "GBP");
            REQUIRE_FALSE(first.request_id.empty());
            auto retried = co_await transfers.create_transfer_to_another_account(
                main.gbp, acme.id, Decimal(75), "GBP", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                std::nullopt, std::nullopt, std::nullopt, first.request_id);
            CHECK(retried.id == first.id);
            CHECK(retried.request_id == first.request_id);
            auto count = co_await transaction_count(client);
            CHECK(count == 1);
            auto by_key = co_await client.transactions().get_transaction(std::nullopt, first.request_id);
            CHECK(by_key.id == first.id);
            auto balance = co_await balance_of(client, main.gbp);
            CHECK(balance == "12425.00");
        });
    });
}

TEST_CASE("idempotency: a payment whose answer is lost is retried with its key and made once",
          "[integration][transfers][idempotency][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto alice = revolut_counterparty(server);
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            auto transfers = client.transfers();

            // The connection drops before the emulator acts: the retry makes the payment.
            server.set_fault(verb::post, "/api/1.0/pay", hang_up_once());
            auto before = server.stats().requests;
            auto paid = co_await transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(5), "GBP");
            CHECK(server.stats().requests - before == 2);
            auto one = co_await transaction_count(client);
            CHECK(one == 1);

            // The emulator pays, then the answer is cut off: the retry gets the original back.
            mock::Fault lost;
            lost.reset_mid_body = true;
            lost.times = 1;
            server.set_fault(verb::post, "/api/1.0/pay", lost);
            before = server.stats().requests;
            auto again = co_await transfers.create_transfer_to_another_account(main.gbp, alice.id, Decimal(7), "GBP");
            CHECK(server.stats().requests - before == 2);
            CHECK(again.id != paid.id);
            auto two = co_await transaction_count(client);
            CHECK(two == 2);
            auto t = co_await client.transactions().get_transaction(again.id);
            CHECK(t.request_id == again.request_id);
            auto balance = co_await balance_of(client, main.gbp);
            CHECK(balance == "12488.00");  // 5 and 7, each once
        });
    });
}

TEST_CASE("transfers: bookings and settlements fire signed webhook events", "[integration][transfers][webhooks]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto acme = uk_bank_counterparty(server);
        RecordingReceiver receiver(ioc.get_executor(), server.issue_certificate({"127.0.0.1"}));
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto main = co_await main_accounts(client);
            co_await client.webhooks().create_webhook(receiver.url());
            auto paid = co_await client.transfers().create_transfer_to_another_account(
                main.gbp, acme.id, Decimal::parse("19.99"), "GBP", std::nullopt, std::nullopt, std::string("Parts"));
            co_await client.request(verb::post, "/1.0/sandbox/transactions/" + paid.id + "/complete");
            const bool arrived = co_await eventually([&] { return receiver.requests().size() == 2; }, 5s);
            REQUIRE(arrived);
            // Deliveries run concurrently: tell the two events apart by type.
            std::optional<webhook::TransactionCreated> booked;
            std::optional<webhook::TransactionStateChanged> settled;
            for (const auto& request : receiver.requests()) {
                auto event = webhook::parse_event(request.body());
                if (auto* t = std::get_if<webhook::TransactionCreated>(&event.data)) booked = *t;
                if (auto* c = std::get_if<webhook::TransactionStateChanged>(&event.data)) settled = *c;
            }
            REQUIRE(booked);
            CHECK(booked->id == paid.id);
            CHECK(booked->state == TransactionState::pending);
            CHECK(booked->request_id == paid.request_id);
            CHECK(booked->legs.at(0).amount.to_string() == "-19.99");
            REQUIRE(settled);
            CHECK(settled->id == paid.id);
            CHECK(settled->request_id == paid.request_id);
            CHECK(settled->old_state == TransactionState::pending);
            CHECK(settled->new_state == TransactionState::completed);
            // The event carried the transaction as the API shows it (but for what settled later).
            auto shown = co_await client.transactions().get_transaction(paid.id);
            CHECK(shown.legs == booked->legs);
            CHECK(shown.reference == "Parts");
        });
    });
}
