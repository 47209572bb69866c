// The two Simulations methods against revolut-mock over real TLS: top-ups move the balance
// and fire TransactionCreated, state updates reach every final state, and a production
// client refuses both without sending anything.
#include "accounting_support.hpp"
#include "json/exact_json.hpp"
#include "support/mock_client.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/api/simulations.hpp>
#include <revolut/api/webhooks.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>
#include <revolut/webhook/events.hpp>

#include <boost/asio/steady_timer.hpp>

#include <catch2/catch.hpp>

#include <functional>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace http = boost::beast::http;
using revolut::test::expect_api_error;
using revolut::test::MockHarness;
using revolut::test::run_async;

namespace {

// The account's balance as the accounts route shows it, read exactly (raw HTTPS, exact JSON).
asio::awaitable<Decimal> balance_of(MockHarness& h, const Uuid& account) {
    auto response = co_await h.call(http::verb::get, "/api/1.0/accounts/" + account.to_string());
    REQUIRE(response.result_int() == 200);
    boost::system::error_code ec;
    auto body = revolut::detail::parse_json_exact(response.body(), ec);
    REQUIRE_FALSE(ec);
    auto balance = decimal_from_json(body.at("balance"));
    REQUIRE(balance);
    co_return *balance;
}

asio::awaitable<bool> eventually(std::function<bool()> done, std::chrono::milliseconds limit) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) co_return false;
        timer.expires_after(5ms);
        co_await timer.async_wait(asio::use_awaitable);
    }
    co_return true;
}

}  // namespace

TEST_CASE("simulate_account_topup credits the account, exactly", "[integration][simulations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(h.server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.simulations();
            const auto account = h.server.add_account("Sim", "GBP", Decimal::parse("10.00"));
            auto topup = co_await api.simulate_account_topup(account, Decimal::parse("25.55"), "GBP",
                                                             std::string("Seed"));
            CHECK(topup.state == TransactionState::completed);
            REQUIRE(topup.completed_at);
            CHECK(*topup.completed_at >= topup.created_at);
            auto balance = co_await balance_of(h, account);
            CHECK(balance == Decimal::parse("35.55"));

            // The top-up is a transaction like any other, with the reference given.
            auto shown = co_await client.request(http::verb::get, "/1.0/transaction/" + topup.id.to_string());
            CHECK(shown.at("type") == "topup");
            CHECK(shown.at("reference") == "Seed");

            auto raw = co_await client.simulations(revolut::raw)
                           .simulate_account_topup(account, Decimal::parse("0.45"), "GBP");
            CHECK(raw.at("state") == "completed");
            CHECK(raw.as_object().contains("id"));
            auto after_raw = co_await balance_of(h, account);
            CHECK(after_raw == Decimal::parse("36.00"));

            // Refusals from the server: an unknown account, another currency.
            auto unknown = co_await expect_api_error(
                api.simulate_account_topup(Uuid::random(), Decimal(1), "GBP"), Errc::not_found);
            CHECK(unknown.status() == 404);
            co_await expect_api_error(api.simulate_account_topup(account, Decimal(1), "EUR"), Errc::bad_request);
            auto unchanged = co_await balance_of(h, account);
            CHECK(unchanged == Decimal::parse("36.00"));
        });
    });
}

TEST_CASE("simulate_transfer_state_update moves pending transactions to each final state",
          "[integration][simulations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(h.server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.simulations();
            const auto account = h.server.add_account("States", "EUR", Decimal::parse("100.00"));
            const std::pair<TransferAction, TransactionState> cases[] = {
                {TransferAction::complete, TransactionState::completed},
                {TransferAction::revert, TransactionState::reverted},
                {TransferAction::decline, TransactionState::declined},
                {TransferAction::fail, TransactionState::failed}};
            Decimal expected = Decimal::parse("100.00");
            for (const auto& c : cases) {
                const TransferAction action = c.first;
                const TransactionState state = c.second;
                INFO(to_string(action));
                auto pending = co_await api.simulate_account_topup(account, Decimal(10), "EUR", std::nullopt,
                                                                   TransactionState::pending);
                CHECK(pending.state == TransactionState::pending);
                CHECK_FALSE(pending.completed_at);
                auto held = co_await balance_of(h, account);
                CHECK(held == expected);  // a pending top-up does not move the balance

                auto updated = co_await api.simulate_transfer_state_update(pending.id, action);
                CHECK(updated.id == pending.id);
                CHECK(updated.state == state);
                CHECK(updated.created_at == pending.created_at);
                if (state == TransactionState::completed) {
                    CHECK(updated.completed_at);
                    expected += Decimal(10);
                }
                auto now_balance = co_await balance_of(h, account);
                CHECK(now_balance == expected);

                // The resulting state is final.
                auto again = co_await expect_api_error(api.simulate_transfer_state_update(pending.id, TransferAction::complete),
                                                       Errc::bad_request);
                CHECK(again.status() == 400);
            }
            CHECK(expected == Decimal::parse("110.00"));
            co_await expect_api_error(api.simulate_transfer_state_update(Uuid::random(), TransferAction::fail),
                                      Errc::not_found);
        });
    });
}

TEST_CASE("a simulated top-up fires TransactionCreated to a subscribed webhook", "[integration][simulations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        revolut::test::RecordingReceiver receiver(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(h.server));
        co_await client.session([&]() -> asio::awaitable<void> {
            std::vector<WebhookEvent> created_only{WebhookEventType::TransactionCreated};
            co_await client.webhooks().create_webhook(receiver.url(), created_only);
            const auto account = h.server.add_account("Events", "GBP", Decimal::parse("1.00"));
            auto topup = co_await client.simulations().simulate_account_topup(account, Decimal::parse("19.99"), "GBP");

            const bool arrived = co_await eventually([&] { return receiver.requests().size() == 1; }, 5s);
            REQUIRE(arrived);
            auto event = webhook::parse_event(receiver.requests()[0].body());
            CHECK(event.event == WebhookEventType::TransactionCreated);
            const auto* transaction = std::get_if<webhook::TransactionCreated>(&event.data);
            REQUIRE(transaction);
            CHECK(transaction->id == topup.id.to_string());
            CHECK(transaction->type == TransactionType::topup);
            REQUIRE(transaction->legs.size() == 1);
            CHECK(transaction->legs[0].amount == Decimal::parse("19.99"));
        });
    });
}

TEST_CASE("simulations are refused on a production client with nothing sent", "[integration][simulations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = revolut::test::options_for(server);
        options.sandbox = false;  // base_url still points at the emulator
        AsyncClient client(ioc.get_executor(), options);
        const auto account = server.add_account("Prod", "GBP", Decimal(0));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto before = server.stats().requests;
            co_await revolut::test::expect_error(client.simulations().simulate_account_topup(account, Decimal(5), "GBP"),
                                                 Errc::invalid_environment);
            co_await revolut::test::expect_error(
                client.simulations().simulate_transfer_state_update(Uuid::random(), TransferAction::complete),
                Errc::invalid_environment);
            co_await revolut::test::expect_error(
                client.simulations(revolut::raw).simulate_account_topup(account, Decimal(5), "GBP"),
                Errc::invalid_environment);
            CHECK(server.stats().requests == before);
            // The same client reaches the emulator for routes that exist in production.
            auto accounts = co_await client.request(http::verb::get, "/1.0/accounts");
            CHECK(accounts.is_array());
            CHECK(server.stats().requests == before + 1);
        });
    });
}
