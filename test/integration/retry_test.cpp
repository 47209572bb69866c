// Retries against revolut-mock's scripted faults: what is retried, how often, how long the
// client waits, and what the final error says. Timing checks are lower bounds (the client
// waited at least as asked) or generous upper bounds (it did not wait for a fault's delay).
#include "support/faults.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <ctime>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using boost::beast::http::verb;
using revolut::test::run_async;
using Clock = std::chrono::steady_clock;

namespace {

const std::string webhooks_path = "/api/2.0/webhooks";

// Short waits, so the tests that retry stay quick.
ClientOptions quick_retries(mock::Server& server) {
    auto options = revolut::test::options_for(server);
    options.retry.initial_backoff = 10ms;
    options.retry.max_backoff = 50ms;
    return options;
}

mock::Fault fault(unsigned status, std::size_t times) {
    auto f = revolut::test::respond(status, R"({"code":)" + std::to_string(9000 + status) + R"(,"message":"scripted"})");
    f.times = times;
    return f;
}

mock::Fault too_many_requests(std::string retry_after) {
    auto f = fault(429, 1);
    f.headers.emplace_back("Retry-After", std::move(retry_after));
    return f;
}

// Runs `op`, expecting it to fail; returns the exception.
template <class Awaitable>
asio::awaitable<std::exception_ptr> failure_of(Awaitable op) {
    try {
        co_await std::move(op);
    } catch (...) {
        co_return std::current_exception();
    }
    co_return nullptr;
}

int attempts_of(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const Error& error) {
        return error.attempts();
    } catch (...) {
        return -1;
    }
}

std::string what_of(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& error) {
        return error.what();
    }
}

asio::awaitable<void> sleep_for(Clock::duration d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

std::string http_date(std::chrono::system_clock::time_point t) {
    std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return text;
}

}  // namespace

TEST_CASE("503 twice, then success: the call succeeds after 3 attempts", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = quick_retries(server);
        std::vector<std::string> warnings;
        options.log_sink = [&](LogLevel level, std::string_view line) {
            if (level == LogLevel::warn) warnings.emplace_back(line);
        };
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, fault(503, 2));
        const auto before = server.stats().requests;
        auto hooks = co_await client.webhooks().get_all_webhooks();
        CHECK(hooks.empty());
        CHECK(server.stats().requests - before == 3);
        // Each retry is visible to the user's logger, with its reason.
        REQUIRE(warnings.size() == 2);
        CHECK(warnings[0].find("HTTP 503") != std::string::npos);
        CHECK(warnings[0].find("retrying in") != std::string::npos);
        co_await client.close();
    });
}

TEST_CASE("429 with Retry-After: 1 waits at least a second", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), quick_retries(server));  // backoff alone: <= 50 ms
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, too_many_requests("1"));
        const auto before = server.stats().requests;
        const auto started = Clock::now();
        co_await client.webhooks().get_all_webhooks();
        CHECK(Clock::now() - started >= 900ms);
        CHECK(server.stats().requests - before == 2);
        co_await client.close();
    });
}

TEST_CASE("429 with Retry-After as an HTTP-date waits until then", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), quick_retries(server));
        co_await client.open();
        // Whole seconds: two seconds ahead is at least one second ahead once truncated.
        server.set_fault(verb::get, webhooks_path, too_many_requests(http_date(std::chrono::system_clock::now() + 2s)));
        const auto started = Clock::now();
        co_await client.webhooks().get_all_webhooks();
        CHECK(Clock::now() - started >= 900ms);
        co_await client.close();
    });
}

TEST_CASE("a Retry-After beyond the deadline fails at once instead of waiting", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = quick_retries(server);
        options.retry.deadline = 5s;
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, too_many_requests("3600"));
        const auto started = Clock::now();
        auto error = co_await failure_of(client.webhooks().get_all_webhooks());
        REQUIRE(error);
        CHECK(error_code_of(error) == Errc::too_many_requests);
        CHECK(attempts_of(error) == 1);
        CHECK(Clock::now() - started < 4s);
        co_await client.close();
    });
}

TEST_CASE("a POST without request_id is not resent after the server hung up on it", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), quick_retries(server));
        co_await client.open();
        mock::Fault hang_up;
        hang_up.close_before_response = true;  // every time: a retry would hang up too
        server.set_fault(verb::post, webhooks_path, hang_up);
        const auto before = server.stats().requests;
        auto error = co_await failure_of(client.webhooks().create_webhook("https://example.com/once"));
        REQUIRE(error);
        CHECK(error_code_of(error) == Errc::network);
        CHECK(attempts_of(error) == 1);
        CHECK(server.stats().requests - before == 1);
        server.clear_faults();
        auto hooks = co_await client.webhooks().get_all_webhooks();
        CHECK(hooks.empty());
        co_await client.close();
    });
}

TEST_CASE("a POST carrying a request_id is resent and takes effect once", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), quick_retries(server));
        co_await client.open();
        server.set_fault(verb::post, webhooks_path, revolut::test::hang_up_once());
        const auto before = server.stats().requests;
        boost::json::object body{{"url", "https://example.com/keyed"}, {"request_id", "retry-test-1"}};
        auto created = co_await client.request(verb::post, "/2.0/webhooks", boost::json::value(body));
        CHECK(created.at("url").as_string() == "https://example.com/keyed");
        CHECK(server.stats().requests - before == 2);
        auto hooks = co_await client.webhooks().get_all_webhooks();
        CHECK(hooks.size() == 1);
        co_await client.close();
    });
}

TEST_CASE("a GET whose connection was dropped before the response is retried", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), quick_retries(server));
        co_await client.open();
        // The first request of the client, on a fresh connection: not the pool's stale case.
        server.set_fault(verb::get, webhooks_path, revolut::test::hang_up_once());
        auto hooks = co_await client.webhooks().get_all_webhooks();
        CHECK(hooks.empty());
        CHECK(server.stats().requests == 2);
        co_await client.close();
    });
}

TEST_CASE("a POST whose connection was refused is retried: it never left", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = quick_retries(server);
        // A loopback port nobody listens on (bound, then released).
        std::uint16_t closed_port = 0;
        {
            asio::ip::tcp::acceptor probe(ioc, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
            closed_port = probe.local_endpoint().port();
        }
        options.base_url = "https://127.0.0.1:" + std::to_string(closed_port) + "/api";
        std::vector<std::string> warnings;
        options.log_sink = [&](LogLevel level, std::string_view line) {
            if (level == LogLevel::warn) warnings.emplace_back(line);
        };
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        auto error = co_await failure_of(client.webhooks().create_webhook("https://example.com/refused"));
        REQUIRE(error);
        CHECK(error_code_of(error) == Errc::network);
        CHECK(attempts_of(error) == options.retry.max_attempts);
        CHECK(what_of(error).find("(after 4 attempts)") != std::string::npos);
        CHECK(warnings.size() == 4);  // three retries and the final giving up
        co_await client.close();
    });
}

TEST_CASE("400 is never retried", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), quick_retries(server));
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, fault(400, 3));
        const auto before = server.stats().requests;
        auto error = co_await failure_of(client.webhooks().get_all_webhooks());
        REQUIRE(error);
        CHECK(error_code_of(error) == Errc::bad_request);
        CHECK(attempts_of(error) == 1);
        CHECK(server.stats().requests - before == 1);
        co_await client.close();
    });
}

TEST_CASE("RetryPolicy::none() turns retries off", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = quick_retries(server);
        options.retry = RetryPolicy::none();
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, fault(503, 1));
        auto error = co_await failure_of(client.webhooks().get_all_webhooks());
        REQUIRE(error);
        CHECK(error_code_of(error) == Errc::server_error);
        CHECK(attempts_of(error) == 1);
        CHECK(server.stats().requests == 1);
        co_await client.close();
    });
}

TEST_CASE("the deadline bounds a call that keeps failing, and the error counts its attempts",
          "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = quick_retries(server);
        options.retry.max_attempts = 1000;
        options.retry.deadline = 800ms;
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, fault(503, 100'000));
        const auto before = server.stats().requests;
        const auto started = Clock::now();
        auto error = co_await failure_of(client.webhooks().get_all_webhooks());
        REQUIRE(error);
        CHECK(Clock::now() - started < 5s);
        CHECK(error_code_of(error) == Errc::server_error);
        const auto attempts = attempts_of(error);
        CHECK(attempts > 2);
        CHECK(attempts < 1000);
        CHECK(static_cast<int>(server.stats().requests - before) == attempts);
        CHECK(what_of(error).find("(after " + std::to_string(attempts) + " attempts)") != std::string::npos);
        co_await client.close();
    });
}

TEST_CASE("the deadline also cuts an attempt short", "[integration][retry]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = quick_retries(server);
        options.request_timeout = 10s;
        options.retry.deadline = 600ms;
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, revolut::test::delay(5s));
        const auto started = Clock::now();
        auto error = co_await failure_of(client.webhooks().get_all_webhooks());
        REQUIRE(error);
        CHECK(error_code_of(error) == Errc::timeout);
        CHECK(Clock::now() - started < 3s);  // not the 5 s delay, nor 10 s request_timeout
        co_await client.close();
    });
}

TEST_CASE("close(cancel) interrupts a call waiting to retry", "[integration][retry][cancel]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), quick_retries(server));
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, too_many_requests("30"));
        std::optional<boost::system::error_code> outcome;
        client.webhooks().get_all_webhooks([&](std::exception_ptr e, auto) { outcome = error_code_of(e); });
        while (server.stats().requests == 0) co_await sleep_for(10ms);
        co_await sleep_for(100ms);  // now sleeping on Retry-After
        const auto started = Clock::now();
        co_await client.close(CloseMode::cancel);
        CHECK(Clock::now() - started < 5s);
        REQUIRE(outcome);
        CHECK(*outcome == asio::error::operation_aborted);
        CHECK(server.stats().requests == 1);
    });
}

TEST_CASE("a cancellation slot interrupts a call waiting to retry", "[integration][retry][cancel]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), quick_retries(server));
        co_await client.open();
        server.set_fault(verb::get, webhooks_path, too_many_requests("30"));
        asio::cancellation_signal signal;
        std::optional<boost::system::error_code> outcome;
        client.webhooks().get_all_webhooks(asio::bind_cancellation_slot(
            signal.slot(), [&](std::exception_ptr e, auto) { outcome = error_code_of(e); }));
        while (server.stats().requests == 0) co_await sleep_for(10ms);
        co_await sleep_for(100ms);
        signal.emit(asio::cancellation_type::terminal);
        for (int i = 0; i < 300 && !outcome; ++i) co_await sleep_for(10ms);
        REQUIRE(outcome);
        CHECK(*outcome == asio::error::operation_aborted);
        // The client is still usable afterwards.
        server.clear_faults();
        auto hooks = co_await client.webhooks().get_all_webhooks();
        CHECK(hooks.empty());
        co_await client.close();
    });
}
