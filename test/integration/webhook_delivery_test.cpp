// End to end: revolut-mock delivers signed webhook events to a WebhookServer on loopback.
// create_webhook -> a sandbox top-up -> a verified TransactionCreated; retries after a failing
// handler; failed events after every attempt failed; two signatures during a rotation.

#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>
#include <revolut/raw_request.hpp>
#include <revolut/webhook/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <stdexcept>

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
using namespace std::chrono_literals;
using namespace revolut;
using namespace revolut::webhook;
using revolut::test::run_async;

// Polls `done` every 5 ms for up to `limit`; true once it holds.
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

mock::ServerOptions emulator_options(std::chrono::milliseconds retry_interval = 5ms) {
    mock::ServerOptions o;
    o.webhook_retry_interval = retry_interval;
    o.webhook_delivery_timeout = 5s;
    return o;
}

// HTTPS (Revolut, and the client's create_webhook, accept https URLs only) with a certificate
// from the emulator's CA, which its delivery trusts.
WebhookServerOptions receiver_options(mock::Server& emulator) {
    WebhookServerOptions o;
    o.path = "/hooks/revolut";
    o.stop_timeout = 2s;
    const mock::CertificateAndKey issued = emulator.issue_certificate({"127.0.0.1"});
    o.certificate_chain_pem = issued.certificate_pem;
    o.private_key_pem = issued.private_key_pem;
    return o;
}

// What the receiver saw; the first `failures` calls throw.
struct Seen {
    std::vector<TransactionCreated> created;
    int calls = 0;
    int failures = 0;

    WebhookHandler make() {
        WebhookHandler handler;
        handler.on_transaction_created([this](const TransactionCreated& t) -> asio::awaitable<void> {
            if (++calls <= failures) throw std::runtime_error("handler failure " + std::to_string(calls));
            created.push_back(t);
            co_return;
        });
        return handler;
    }
};

// POST /1.0/sandbox/topup; the new transaction's ID. (Whole amounts: raw_request serializes
// with boost::json::serialize, which cannot write the library's exact numbers.)
asio::awaitable<std::string> top_up(AsyncClient& client, const Uuid& account, std::int64_t amount) {
    json::object body;
    body["account_id"] = account.to_string();
    body["amount"] = amount;
    body["currency"] = "GBP";
    body["reference"] = "receiver test";
    std::optional<json::value> request_body = json::value(std::move(body));
    const json::value result =
        co_await raw_request(client, http::verb::post, "/1.0/sandbox/topup", request_body);
    co_return std::string(result.at("id").as_string());
}

std::vector<WebhookEvent> transaction_created_only() {
    return {WebhookEventType::TransactionCreated};
}

}  // namespace

TEST_CASE("a sandbox top-up reaches the receiver as a verified TransactionCreated within 1 s",
          "[webhook-server][e2e]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server emulator(ioc.get_executor(), emulator_options());
        emulator.start();
        Seen seen;
        WebhookServer receiver(ioc.get_executor(), seen.make(), receiver_options(emulator));
        receiver.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(emulator));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto events = transaction_created_only();
            const auto hook = co_await client.webhooks().create_webhook(receiver.url(), events);
            receiver.handler().set_signing_secrets({hook.signing_secret});
            const Uuid account = emulator.add_account("Receiver", "GBP", Decimal::parse("0"));

            const auto started = std::chrono::steady_clock::now();
            const std::string id = co_await top_up(client, account, 10);
            const bool arrived = co_await eventually([&] { return !seen.created.empty(); }, 1s);
            CHECK(std::chrono::steady_clock::now() - started < 1s);
            REQUIRE(arrived);
            const TransactionCreated& t = seen.created.front();
            CHECK(t.id == id);
            CHECK(t.type == TransactionType::topup);
            REQUIRE(t.legs.size() == 1);
            CHECK(t.legs[0].amount == Decimal::parse("10"));
            CHECK(t.legs[0].account_id == account.to_string());
            CHECK(receiver.stats().verified == 1);
            CHECK(receiver.stats().rejected == 0);
        });
        co_await receiver.stop();
        emulator.stop();
    });
}

TEST_CASE("deliver_event: an event triggered in the emulator arrives typed", "[webhook-server][e2e]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server emulator(ioc.get_executor(), emulator_options());
        emulator.start();
        std::optional<PayoutLinkCreated> got;
        WebhookHandler handler;
        handler.on_payout_link_created([&](const PayoutLinkCreated& p) -> asio::awaitable<void> {
            got = p;
            co_return;
        });
        WebhookServer receiver(ioc.get_executor(), std::move(handler), receiver_options(emulator));
        receiver.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(emulator));
        co_await client.session([&]() -> asio::awaitable<void> {
            std::vector<WebhookEvent> events{WebhookEventType::PayoutLinkCreated};
            const auto hook = co_await client.webhooks().create_webhook(receiver.url(), events);
            receiver.handler().set_signing_secrets({hook.signing_secret});
        });
        PayoutLinkCreated link;
        link.id = "pl-1";
        link.state = PayoutLinkState::active;
        emulator.deliver_event(make_event(link, std::chrono::floor<std::chrono::microseconds>(
                                                    std::chrono::system_clock::now())));
        const bool arrived = co_await eventually([&] { return got.has_value(); }, 2s);
        REQUIRE(arrived);
        CHECK(got->id == "pl-1");
        CHECK(got->state == PayoutLinkState::active);
        co_await receiver.stop();
        emulator.stop();
    });
}

TEST_CASE("a handler that throws gets a non-2xx, and the emulator's retry succeeds",
          "[webhook-server][e2e]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server emulator(ioc.get_executor(), emulator_options(5ms));
        emulator.start();
        Seen seen;
        seen.failures = 2;
        WebhookServer receiver(ioc.get_executor(), seen.make(), receiver_options(emulator));
        receiver.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(emulator));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto events = transaction_created_only();
            const auto hook = co_await client.webhooks().create_webhook(receiver.url(), events);
            receiver.handler().set_signing_secrets({hook.signing_secret});
            const Uuid account = emulator.add_account("Receiver", "GBP", Decimal::parse("0"));
            const std::string id = co_await top_up(client, account, 1);

            const bool arrived = co_await eventually([&] { return !seen.created.empty(); }, 3s);
            REQUIRE(arrived);
            CHECK(seen.created.front().id == id);
            CHECK(seen.calls == 3);
            const WebhookServerStats r = receiver.stats();
            CHECK(r.handler_failures == 2);
            CHECK(r.handled == 1);
            const bool settled = co_await eventually(
                [&] { return emulator.stats().deliveries_succeeded == 1; }, 1s);
            CHECK(settled);
            CHECK(emulator.stats().deliveries_attempted == 3);
            CHECK(emulator.stats().deliveries_failed == 0);
            const auto failed = co_await client.webhooks().get_failed_webhook_events(hook.id);
            CHECK(failed.empty());
        });
        co_await receiver.stop();
        emulator.stop();
    });
}

TEST_CASE("when every attempt fails the event is listed as failed, with its typed payload",
          "[webhook-server][e2e]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server emulator(ioc.get_executor(), emulator_options(5ms));
        emulator.start();
        Seen seen;
        seen.failures = 1000;
        WebhookServer receiver(ioc.get_executor(), seen.make(), receiver_options(emulator));
        receiver.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(emulator));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto events = transaction_created_only();
            const auto hook = co_await client.webhooks().create_webhook(receiver.url(), events);
            receiver.handler().set_signing_secrets({hook.signing_secret});
            const Uuid account = emulator.add_account("Receiver", "GBP", Decimal::parse("0"));
            const std::string id = co_await top_up(client, account, 42);

            const bool gave_up =
                co_await eventually([&] { return emulator.stats().deliveries_failed == 1; }, 5s);
            REQUIRE(gave_up);
            CHECK(seen.calls == 4);  // the first attempt and Revolut's 3 retries
            CHECK(receiver.stats().handler_failures == 4);
            const auto failed = co_await client.webhooks().get_failed_webhook_events(hook.id);
            REQUIRE(failed.size() == 1);
            CHECK(failed[0].webhook_id == hook.id);
            CHECK(failed[0].webhook_url == receiver.url());
            const auto* t = std::get_if<TransactionCreated>(&failed[0].payload.data);
            REQUIRE(t != nullptr);
            CHECK(t->id == id);
            REQUIRE(t->legs.size() == 1);
            CHECK(t->legs[0].amount == Decimal::parse("42"));
        });
        co_await receiver.stop();
        emulator.stop();
    });
}

TEST_CASE("during a rotation with an expiration period, deliveries verify under either secret",
          "[webhook-server][e2e]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server emulator(ioc.get_executor(), emulator_options(5ms));
        emulator.start();
        Seen seen;
        WebhookServer receiver(ioc.get_executor(), seen.make(), receiver_options(emulator));
        receiver.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(emulator));
        co_await client.session([&]() -> asio::awaitable<void> {
            const auto events = transaction_created_only();
            const auto hook = co_await client.webhooks().create_webhook(receiver.url(), events);
            const auto rotated = co_await client.webhooks().rotate_webhook_secret(hook.id, std::chrono::hours(1));
            REQUIRE(rotated.signing_secret != hook.signing_secret);
            CHECK(emulator.valid_signing_secrets(hook.id).size() == 2);
            const Uuid account = emulator.add_account("Receiver", "GBP", Decimal::parse("0"));

            // Each delivery carries one signature per valid secret: a receiver that knows only
            // the old secret accepts it, and so does one that knows only the new one.
            receiver.handler().set_signing_secrets({hook.signing_secret});
            const std::string first = co_await top_up(client, account, 1);
            const bool first_arrived = co_await eventually([&] { return seen.created.size() == 1; }, 2s);
            REQUIRE(first_arrived);
            CHECK(seen.created[0].id == first);

            receiver.handler().set_signing_secrets({rotated.signing_secret});
            const std::string second = co_await top_up(client, account, 2);
            const bool second_arrived = co_await eventually([&] { return seen.created.size() == 2; }, 2s);
            REQUIRE(second_arrived);
            CHECK(seen.created[1].id == second);
            CHECK(receiver.stats().rejected == 0);  // no attempt needed a retry
            CHECK(emulator.stats().deliveries_attempted == 2);
        });
        co_await receiver.stop();
        emulator.stop();
    });
}
