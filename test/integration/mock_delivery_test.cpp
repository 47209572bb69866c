// revolut-mock's webhook delivery to a recording HTTPS receiver on loopback: signed bodies,
// one signature per valid secret, subscriptions, retries, failed events, trust, and stop().

#include "json/exact_json.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/mock/server.hpp>
#include <revolut/webhook/events.hpp>
#include <revolut/webhook/verify.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
namespace webhook = revolut::webhook;
using namespace std::chrono_literals;
using revolut::Decimal;
using revolut::Timestamp;
using revolut::mock::ServerOptions;
using revolut::test::json_of;
using revolut::test::MockHarness;
using revolut::test::RawRequest;
using revolut::test::RecordingReceiver;
using revolut::test::run_async;

const std::string webhooks = "/api/2.0/webhooks";
// Subscriptions (named, since GCC 12 mishandles braced lists inside a co_await expression).
const std::vector<std::string> transaction_events{"TransactionCreated"};
const std::vector<std::string> payout_link_events{"PayoutLinkCreated"};

Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
}

// Quick retries, so a whole retry cycle fits in a test.
ServerOptions fast_retries(std::chrono::milliseconds interval = 20ms) {
    ServerOptions options;
    options.webhook_retry_interval = interval;
    options.webhook_delivery_timeout = 5s;
    return options;
}

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

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

struct CreatedWebhook {
    std::string id;
    std::string secret;
};

// POST /api/2.0/webhooks through the API, as a client would.
asio::awaitable<CreatedWebhook> create_webhook(MockHarness& h, std::string url,
                                               std::vector<std::string> events) {
    json::array names;
    for (auto& name : events) names.emplace_back(name);
    const json::object body{{"url", url}, {"events", names}};
    auto response = co_await h.call(http::verb::post, webhooks, json::serialize(body));
    INFO(response.body());
    REQUIRE(response.result_int() == 201);
    const auto created = json_of(response).as_object();
    co_return CreatedWebhook{std::string(created.at("id").as_string()),
                             std::string(created.at("signing_secret").as_string())};
}

webhook::Event transaction_created(std::string id, std::string amount) {
    webhook::TransactionCreated t;
    t.id = std::move(id);
    t.type = revolut::TransactionType::topup;
    t.state = revolut::TransactionState::completed;
    t.created_at = now();
    t.updated_at = t.created_at;
    t.completed_at = t.created_at;
    t.reference = "delivery test";
    webhook::TransactionLeg leg;
    leg.leg_id = revolut::Uuid::random().to_string();
    leg.account_id = revolut::Uuid::random().to_string();
    leg.amount = Decimal::parse(amount);
    leg.currency = "GBP";
    leg.balance = Decimal::parse("1000.10");
    t.legs.push_back(std::move(leg));
    return webhook::make_event(std::move(t), now());
}

webhook::Event payout_link_created(std::string id) {
    webhook::PayoutLinkCreated link;
    link.id = std::move(id);
    link.state = revolut::PayoutLinkState::active;
    return webhook::make_event(std::move(link), now());
}

std::string header(const RawRequest& request, std::string_view name) {
    return std::string(request[name]);
}

// The delivery is authentic for exactly these secrets (each one on its own suffices).
void require_signed_with(const RawRequest& request, const std::vector<std::string>& secrets) {
    const auto signature = header(request, webhook::signature_header);
    const auto timestamp = header(request, webhook::timestamp_header);
    INFO(signature);
    for (const auto& secret : secrets) {
        const std::vector<std::string> one{secret};
        const auto ec = webhook::verify_signature(request.body(), signature, timestamp, one);
        CHECK_FALSE(ec);
    }
    const std::vector<std::string> stranger{"wsk_not_the_secret_of_this_webhook"};
    CHECK(webhook::verify_signature(request.body(), signature, timestamp, stranger));
    CHECK(std::count(signature.begin(), signature.end(), ',') + 1 ==
          static_cast<std::ptrdiff_t>(secrets.size()));
}

json::value exact(std::string_view text) {
    boost::system::error_code ec;
    auto value = revolut::detail::parse_json_exact(text, ec);
    REQUIRE_FALSE(ec);
    return value;
}

}  // namespace

TEST_CASE("a subscribed webhook gets the event as signed JSON, others get nothing",
          "[mock][delivery]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc, fast_retries());
        co_await h.client.connect();
        RecordingReceiver receiver(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        RecordingReceiver other(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        const auto hook = co_await create_webhook(h, receiver.url("/hooks/revolut?tenant=1"),
                                                  transaction_events);
        co_await create_webhook(h, other.url(), payout_link_events);

        const auto event = transaction_created("tx-1", "10.50");
        const auto before = std::chrono::system_clock::now();
        h.server.deliver_event(event);
        const bool arrived = co_await eventually([&] { return receiver.requests().size() == 1; }, 5s);
        REQUIRE(arrived);

        const auto& request = receiver.requests().front();
        CHECK(request.method() == http::verb::post);
        CHECK(request.target() == "/hooks/revolut?tenant=1");
        CHECK(header(request, "Content-Type") == "application/json");
        CHECK(header(request, "User-Agent") == "revolut-mock");
        CHECK(header(request, "Host") == "127.0.0.1:" + std::to_string(receiver.port()));
        CHECK(request.body() == webhook::serialize_event(event));
        CHECK(request.body().find(R"("amount":10.50)") != std::string::npos);
        const auto ms = std::stoll(header(request, webhook::timestamp_header));
        const auto sent = std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms));
        CHECK(sent >= std::chrono::floor<std::chrono::milliseconds>(before));
        CHECK(sent <= std::chrono::system_clock::now());
        require_signed_with(request, {hook.secret});
        const auto parsed = webhook::parse_event(request.body());
        CHECK(std::get<webhook::TransactionCreated>(parsed.data).id == "tx-1");

        const bool settled =
            co_await eventually([&] { return h.server.stats().deliveries_succeeded == 1; }, 2s);
        CHECK(settled);
        co_await sleep_for(100ms);
        CHECK(other.requests().empty());
        const auto stats = h.server.stats();
        CHECK(stats.deliveries_attempted == 1);
        CHECK(stats.deliveries_failed == 0);

        // A PayoutLinkCreated goes to the other webhook only.
        h.server.deliver_event(payout_link_created("pl-1"));
        const bool payout_arrived =
            co_await eventually([&] { return other.requests().size() == 1; }, 5s);
        CHECK(payout_arrived);
        CHECK(receiver.requests().size() == 1);
    });
}

TEST_CASE("after a rotation with an expiration period a delivery carries two signatures",
          "[mock][delivery]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc, fast_retries());
        co_await h.client.connect();
        RecordingReceiver receiver(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        const auto hook = co_await create_webhook(h, receiver.url(), transaction_events);
        const auto rotate = webhooks + "/" + hook.id + "/rotate-signing-secret";

        auto kept = co_await h.call(http::verb::post, rotate, R"({"expiration_period":"P1D"})");
        REQUIRE(kept.result_int() == 200);
        const std::string second(json_of(kept).at("signing_secret").as_string());
        h.server.deliver_event(transaction_created("tx-rotated", "1"));
        const bool both = co_await eventually([&] { return receiver.requests().size() == 1; }, 5s);
        REQUIRE(both);
        require_signed_with(receiver.requests()[0], {second, hook.secret});

        // Without an expiration period the old secret is gone at once: one signature again.
        auto replaced = co_await h.call(http::verb::post, rotate, "{}");
        REQUIRE(replaced.result_int() == 200);
        const std::string third(json_of(replaced).at("signing_secret").as_string());
        h.server.deliver_event(transaction_created("tx-replaced", "2"));
        const bool after = co_await eventually([&] { return receiver.requests().size() == 2; }, 5s);
        REQUIRE(after);
        require_signed_with(receiver.requests()[1], {third, hook.secret});
    });
}

TEST_CASE("a receiver failing twice then answering 200 gets three attempts, no failed event",
          "[mock][delivery]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc, fast_retries());
        co_await h.client.connect();
        RecordingReceiver receiver(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        receiver.answer_with({500, 503});
        const auto hook = co_await create_webhook(h, receiver.url(), transaction_events);

        h.server.deliver_event(transaction_created("tx-retried", "3.30"));
        const bool delivered =
            co_await eventually([&] { return h.server.stats().deliveries_succeeded == 1; }, 5s);
        REQUIRE(delivered);
        const auto stats = h.server.stats();
        CHECK(stats.deliveries_attempted == 3);
        CHECK(stats.deliveries_failed == 0);
        REQUIRE(receiver.requests().size() == 3);
        for (const auto& request : receiver.requests()) {
            CHECK(request.body() == receiver.requests()[0].body());
            require_signed_with(request, {hook.secret});  // each attempt signed afresh
        }
        const auto failed = co_await h.call(http::verb::get, webhooks + "/" + hook.id + "/failed-events");
        CHECK(json_of(failed) == json::array{});
    });
}

TEST_CASE("four failed attempts make one failed event carrying the exact payload",
          "[mock][delivery]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc, fast_retries());
        co_await h.client.connect();
        RecordingReceiver receiver(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        receiver.always_answer(500);
        const auto hook = co_await create_webhook(h, receiver.url(), transaction_events);

        const auto started = now();
        h.server.deliver_event(transaction_created("tx-failed", "0.10"));
        const bool gave_up =
            co_await eventually([&] { return h.server.stats().deliveries_failed == 1; }, 5s);
        REQUIRE(gave_up);
        CHECK(h.server.stats().deliveries_attempted == 4);
        CHECK(h.server.stats().deliveries_succeeded == 0);
        REQUIRE(receiver.requests().size() == 4);

        auto response = co_await h.call(http::verb::get, webhooks + "/" + hook.id + "/failed-events");
        REQUIRE(response.result_int() == 200);
        // Read with the exact parser: the payload's amounts keep their digits.
        const auto list = exact(response.body()).as_array();
        REQUIRE(list.size() == 1);
        const auto& item = list[0].as_object();
        CHECK(item.at("webhook_id").as_string() == hook.id);
        CHECK(item.at("webhook_url").as_string() == receiver.url());
        CHECK(item.at("payload") == exact(receiver.requests()[0].body()));
        CHECK(response.body().find(R"("amount":0.10)") != std::string::npos);
        const auto typed = webhook::event_from_json(item.at("payload"));
        CHECK(std::get<webhook::TransactionCreated>(typed.data).legs.at(0).amount ==
              Decimal::parse("0.1"));
        const auto created_at = revolut::parse_timestamp(item.at("created_at").as_string());
        const auto updated_at = revolut::parse_timestamp(item.at("updated_at").as_string());
        CHECK(created_at >= started);
        CHECK(updated_at >= created_at + 3 * 20ms);  // three retry intervals later
        CHECK(item.at("last_sent_date") == item.at("updated_at"));

        // Nothing more is sent after the fourth attempt.
        co_await sleep_for(100ms);
        CHECK(receiver.requests().size() == 4);
    });
}

TEST_CASE("refused connections, timeouts and untrusted certificates are failed attempts",
          "[mock][delivery]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        auto options = fast_retries(10ms);
        options.webhook_delivery_timeout = 200ms;
        MockHarness h(ioc, options);
        co_await h.client.connect();

        // A port nobody listens on any more.
        std::uint16_t closed_port = 0;
        {
            RecordingReceiver gone(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
            closed_port = gone.port();
        }
        RecordingReceiver silent(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        silent.never_answer();
        // A certificate for the right address from a CA the emulator does not know.
        revolut::mock::Server stranger(ioc.get_executor());
        RecordingReceiver untrusted(ioc.get_executor(), stranger.issue_certificate({"127.0.0.1"}));
        // The right CA but the wrong name.
        RecordingReceiver misnamed(ioc.get_executor(), h.server.issue_certificate({"localhost"}));

        const std::vector<std::string> urls{
            "https://127.0.0.1:" + std::to_string(closed_port) + "/hook", silent.url(),
            untrusted.url(), misnamed.url()};
        for (const auto& url : urls) co_await create_webhook(h, url, transaction_events);

        h.server.deliver_event(transaction_created("tx-unreachable", "5"));
        const bool all_failed = co_await eventually(
            [&] { return h.server.stats().deliveries_failed == urls.size(); }, 10s);
        REQUIRE(all_failed);
        const auto stats = h.server.stats();
        CHECK(stats.deliveries_attempted == 4 * urls.size());
        CHECK(stats.deliveries_succeeded == 0);
        CHECK(silent.requests().size() == 4);  // read, never answered, timed out
        CHECK(untrusted.requests().empty());   // the TLS handshake never completed
        CHECK(misnamed.requests().empty());
    }, std::chrono::seconds(60));
}

TEST_CASE("webhook_ca_pem makes receivers of another CA trusted", "[mock][delivery]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        revolut::mock::Server other_ca(ioc.get_executor());
        RecordingReceiver receiver(ioc.get_executor(), other_ca.issue_certificate({"127.0.0.1"}));
        auto options = fast_retries();
        options.webhook_ca_pem = other_ca.receiver_ca_certificate_pem();
        MockHarness h(ioc, options);
        co_await h.client.connect();
        co_await create_webhook(h, receiver.url(), transaction_events);
        h.server.deliver_event(transaction_created("tx-other-ca", "1"));
        const bool delivered =
            co_await eventually([&] { return h.server.stats().deliveries_succeeded == 1; }, 5s);
        CHECK(delivered);
        CHECK(receiver.requests().size() == 1);
    });
}

TEST_CASE("plain http targets need allow_plain_http_webhooks and a loopback host",
          "[mock][delivery]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        RecordingReceiver receiver(ioc.get_executor(), std::nullopt);
        const json::object plain{{"url", receiver.url()}};
        {
            MockHarness strict(ioc);
            co_await strict.client.connect();
            auto refused = co_await strict.call(http::verb::post, webhooks, json::serialize(plain));
            CHECK(refused.result_int() == 400);
        }

        auto options = fast_retries();
        options.allow_plain_http_webhooks = true;
        MockHarness h(ioc, options);
        co_await h.client.connect();
        const std::array<std::string, 3> remote_urls{"http://example.com/hook",
                                                     "http://10.0.0.1/hook", "ftp://127.0.0.1/x"};
        for (const auto& url : remote_urls) {
            const json::object remote{{"url", url}};
            auto refused = co_await h.call(http::verb::post, webhooks, json::serialize(remote));
            CHECK(refused.result_int() == 400);
        }
        const std::array<std::string, 2> local_urls{"http://localhost:1/hook",
                                                    "http://[::1]:1/hook"};
        for (const auto& url : local_urls) {
            const json::object local{{"url", url}};
            auto accepted = co_await h.call(http::verb::post, webhooks, json::serialize(local));
            CHECK(accepted.result_int() == 201);
        }
        const auto hook = co_await create_webhook(h, receiver.url(), payout_link_events);
        h.server.deliver_event(payout_link_created("pl-plain"));
        const bool arrived = co_await eventually([&] { return receiver.requests().size() == 1; }, 5s);
        REQUIRE(arrived);
        require_signed_with(receiver.requests()[0], {hook.secret});
    });
}

TEST_CASE("a webhook deleted while its delivery waits to retry gets nothing more",
          "[mock][delivery]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc, fast_retries(300ms));
        co_await h.client.connect();
        RecordingReceiver receiver(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        receiver.always_answer(500);
        const auto hook = co_await create_webhook(h, receiver.url(), transaction_events);
        h.server.deliver_event(transaction_created("tx-deleted", "1"));
        const bool first = co_await eventually([&] { return receiver.requests().size() == 1; }, 5s);
        REQUIRE(first);
        auto deleted = co_await h.call(http::verb::delete_, webhooks + "/" + hook.id);
        CHECK(deleted.result_int() == 204);
        co_await sleep_for(700ms);
        CHECK(receiver.requests().size() == 1);
        CHECK(h.server.stats().deliveries_failed == 0);
    });
}

TEST_CASE("stop() cancels deliveries in flight and waiting to retry, promptly", "[mock][delivery]") {
    const auto started = std::chrono::steady_clock::now();
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        ServerOptions options;  // Revolut's 10-minute retry interval, 10 s attempt timeout
        MockHarness h(ioc, options);
        co_await h.client.connect();
        RecordingReceiver failing(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        failing.always_answer(500);
        RecordingReceiver silent(ioc.get_executor(), h.server.issue_certificate({"127.0.0.1"}));
        silent.never_answer();
        co_await create_webhook(h, failing.url(), transaction_events);
        co_await create_webhook(h, silent.url(), transaction_events);

        h.server.deliver_event(transaction_created("tx-stopped", "1"));
        const bool pending = co_await eventually(
            [&] { return failing.requests().size() == 1 && silent.requests().size() == 1; }, 5s);
        REQUIRE(pending);
        co_await sleep_for(50ms);  // the failing one is now waiting for its retry
        h.server.stop();
        h.server.deliver_event(transaction_created("tx-after-stop", "1"));  // a no-op
        const auto stats = h.server.stats();
        CHECK(stats.deliveries_attempted == 2);
        CHECK(stats.deliveries_failed == 0);  // dropped, not recorded as failed
    });
    // Everything the emulator had pending ended with stop(): the io_context ran out of work.
    CHECK(std::chrono::steady_clock::now() - started < 5s);
}
