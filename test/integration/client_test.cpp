// AsyncClient lifecycle, session, TLS verification, timeouts, cancellation and the pool.
#include "support/faults.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using revolut::test::options_for;
using revolut::test::run_async;
using verb = boost::beast::http::verb;

namespace {

template <class Awaitable>
asio::awaitable<boost::system::error_code> error_of(Awaitable op) {
    try {
        co_await std::move(op);
    } catch (const boost::system::system_error& e) {
        co_return e.code();
    }
    co_return boost::system::error_code{};
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

TEST_CASE("a call on a client that is not open fails with not_open", "[integration][client]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        auto ec_1 = co_await error_of(client.webhooks().get_all_webhooks());
        CHECK(ec_1 == Errc::not_open);
        co_await client.open();
        CHECK(client.is_open());
        co_await client.webhooks().get_all_webhooks();
        co_await client.close();
        CHECK_FALSE(client.is_open());
        auto ec_2 = co_await error_of(client.webhooks().get_all_webhooks());
        CHECK(ec_2 == Errc::not_open);
        co_await client.close();  // closing twice is harmless
        co_await client.open();   // and a closed client can be opened again
        auto result_3 = co_await client.webhooks().get_all_webhooks();
        CHECK(result_3.empty());
        co_await client.close();
    });
}

TEST_CASE("the session closes the client also when its body throws", "[integration][client][session]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        int count = co_await client.session([&]() -> asio::awaitable<int> {
            CHECK(client.is_open());
            co_return static_cast<int>((co_await client.webhooks().get_all_webhooks()).size());
        });
        CHECK(count == 0);
        CHECK_FALSE(client.is_open());

        bool caught = false;
        try {
            co_await client.session([&]() -> asio::awaitable<void> {
                co_await client.webhooks().get_all_webhooks();
                throw std::runtime_error("body failed");
            });
        } catch (const std::runtime_error& e) {
            caught = std::string(e.what()) == "body failed";
        }
        CHECK(caught);
        CHECK_FALSE(client.is_open());
    });
}

TEST_CASE("missing credentials fail open with a credentials error", "[integration][client]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        ClientOptions options;
        options.creds_loc = "/nonexistent/dir/creds.json";
        AsyncClient client(ioc.get_executor(), options);
        auto ec_4 = co_await error_of(client.open());
        CHECK(ec_4 == Errc::credentials);
        CHECK_FALSE(client.is_open());
    });
}

TEST_CASE("the emulator's certificate is refused unless its CA is trusted", "[integration][client][tls]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = options_for(server);
        options.ca_pem.reset();
        options.use_system_trust_store = true;  // the system store does not know the emulator's CA
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        auto ec = co_await error_of(client.webhooks().get_all_webhooks());
        CHECK(ec == Errc::tls);
        co_await client.close();
    });
}

TEST_CASE("a certificate for another host name is refused", "[integration][client][tls]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::ServerOptions wrong_name;
        wrong_name.certificate_names = {"other.example"};
        mock::Server server(ioc.get_executor(), wrong_name);
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.open();
        try {
            co_await client.webhooks().get_all_webhooks();
            FAIL("accepted a certificate for another host");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::tls);
            CHECK(std::string(e.what()).find("127.0.0.1") != std::string::npos);
        }
        co_await client.close();
    });
}

TEST_CASE("a slow response fails with timeout", "[integration][client][timeout]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        server.set_fault(verb::get, "/api/2.0/webhooks", revolut::test::delay(3s));
        auto options = options_for(server);
        options.request_timeout = 200ms;
        options.retry = RetryPolicy::none();  // one attempt: the timeout itself is under test
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        auto started = std::chrono::steady_clock::now();
        auto ec_5 = co_await error_of(client.webhooks().get_all_webhooks());
        CHECK(ec_5 == Errc::timeout);
        CHECK(std::chrono::steady_clock::now() - started < 2s);
        co_await client.close();
        server.stop();
    });
}

TEST_CASE("a server that never answers the TLS handshake fails the call with timeout",
          "[integration][client][timeout]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());  // for credentials only
        server.start();
        // Accepts TCP connections and then says nothing.
        asio::ip::tcp::acceptor silent(ioc, {asio::ip::make_address("127.0.0.1"), 0});
        std::vector<asio::ip::tcp::socket> held;
        asio::co_spawn(
            ioc,
            [&]() -> asio::awaitable<void> {
                for (;;) held.push_back(co_await silent.async_accept(asio::use_awaitable));
            },
            asio::detached);
        // An IP literal is connected to directly; a name goes through the resolver (and
        // "localhost" may also resolve to ::1, where nothing listens).
        for (std::string host : {"127.0.0.1", "localhost"}) {
            CAPTURE(host);
            auto options = options_for(server);
            options.base_url = "https://" + host + ":" + std::to_string(silent.local_endpoint().port()) + "/api";
            options.connect_timeout = 200ms;
            options.retry = RetryPolicy::none();
            AsyncClient client(ioc.get_executor(), options);
            co_await client.open();
            auto held_before = held.size();
            auto started = std::chrono::steady_clock::now();
            auto ec = co_await error_of(client.webhooks().get_all_webhooks());
            CHECK(ec == Errc::timeout);
            CHECK(std::chrono::steady_clock::now() - started < 2s);
            CHECK(held.size() == held_before + 1);
            co_await client.close();
        }
        silent.close();
        server.stop();
    });
}

TEST_CASE("a call is cancelled through its cancellation slot", "[integration][client][cancel]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        server.set_fault(verb::get, "/api/2.0/webhooks", revolut::test::delay(3s));
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.open();
        asio::cancellation_signal signal;
        std::optional<boost::system::error_code> outcome;
        asio::co_spawn(ioc, client.webhooks().get_all_webhooks(),
                       asio::bind_cancellation_slot(signal.slot(), [&](std::exception_ptr e, auto) {
                           outcome = error_code_of(e);
                       }));
        co_await sleep_for(100ms);
        signal.emit(asio::cancellation_type::terminal);
        for (int i = 0; i < 50 && !outcome; ++i) co_await sleep_for(10ms);
        REQUIRE(outcome);
        CHECK(*outcome == asio::error::operation_aborted);
        co_await client.close();
        server.stop();
    });
}

TEST_CASE("graceful close lets in-flight calls finish", "[integration][client][close]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        server.set_fault(verb::get, "/api/2.0/webhooks", revolut::test::delay(300ms));
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.open();
        std::optional<boost::system::error_code> outcome;
        client.webhooks().get_all_webhooks([&](std::exception_ptr e, auto) { outcome = error_code_of(e); });
        co_await sleep_for(50ms);
        co_await client.close();
        REQUIRE(outcome);
        CHECK_FALSE(*outcome);  // finished successfully before close returned
    });
}

TEST_CASE("close with CloseMode::cancel aborts in-flight calls", "[integration][client][close]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        server.set_fault(verb::get, "/api/2.0/webhooks", revolut::test::delay(5s));
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.open();
        std::vector<boost::system::error_code> outcomes;
        for (int i = 0; i < 3; ++i)
            client.webhooks().get_all_webhooks([&](std::exception_ptr e, auto) { outcomes.push_back(error_code_of(e)); });
        co_await sleep_for(100ms);
        auto started = std::chrono::steady_clock::now();
        co_await client.close(CloseMode::cancel);
        CHECK(std::chrono::steady_clock::now() - started < 2s);
        REQUIRE(outcomes.size() == 3);
        for (auto& ec : outcomes) CHECK(ec == asio::error::operation_aborted);
        server.stop();
    });
}

TEST_CASE("100 sequential calls reuse one TLS connection", "[integration][client][pool]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            for (int i = 0; i < 100; ++i) co_await client.webhooks().get_all_webhooks();
        });
        CHECK(client.stats().connections_opened == 1);
        CHECK(client.stats().connection_reuses == 99);
        CHECK(client.stats().connections_resumed == 0);
        CHECK(server.stats().tls_handshakes == 1);
        CHECK(server.stats().requests == 100);
    });
}

TEST_CASE("a reconnect after the server closed an idle connection resumes the TLS session",
          "[integration][client][pool][tls]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::ServerOptions short_idle;
        short_idle.idle_timeout = 200ms;
        mock::Server server(ioc.get_executor(), short_idle);
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            co_await client.webhooks().get_all_webhooks();
            co_await sleep_for(600ms);  // the server has hung up the idle connection
            co_await client.webhooks().get_all_webhooks();
            co_await sleep_for(600ms);
            co_await client.webhooks().get_all_webhooks();
        });
        CHECK(server.stats().tls_handshakes == 3);
        CHECK(client.stats().connections_opened == 3);
        CHECK(client.stats().connections_resumed == 2);
    });
}

TEST_CASE("1,000 concurrent calls on one io_context all succeed over a bounded pool", "[integration][client][pool]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = options_for(server);
        options.max_connections = 8;
        options.request_timeout = 60s;
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        co_await client.webhooks().create_webhook("https://example.com/many");
        int succeeded = 0, failed = 0;
        for (int i = 0; i < 1000; ++i)
            client.webhooks().get_all_webhooks([&](std::exception_ptr e, std::vector<Webhook> hooks) {
                (e || hooks.size() != 1 ? failed : succeeded)++;
            });
        co_await client.close();  // graceful: waits for all of them
        CHECK(succeeded == 1000);
        CHECK(failed == 0);
        CHECK(client.stats().connections_opened <= 8);
        CHECK(server.stats().tls_handshakes == client.stats().connections_opened);
    }, 120s);
}

TEST_CASE("a kept-alive connection the server dropped is replaced transparently", "[integration][client][pool]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server));
        co_await client.open();
        co_await client.webhooks().get_all_webhooks();
        // The server reads the next request and hangs up without answering: the GET is
        // idempotent, so the client resends it on a fresh connection.
        server.set_fault(verb::get, "/api/2.0/webhooks", revolut::test::hang_up_once());
        auto result_6 = co_await client.webhooks().get_all_webhooks();
        CHECK(result_6.empty());
        CHECK(client.stats().connections_opened == 2);
        // A POST is not resent when the server may have seen it.
        server.set_fault(verb::post, "/api/2.0/webhooks", revolut::test::hang_up_once());
        auto ec_7 = co_await error_of(client.webhooks().create_webhook("https://example.com/once"));
        CHECK(ec_7 == Errc::network);
        auto result_8 = co_await client.webhooks().get_all_webhooks();
        CHECK(result_8.empty());
        co_await client.close();
    });
}

TEST_CASE("a response over max_response_size fails with response_too_large", "[integration][client]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = options_for(server);
        options.max_response_size = 64;
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        try {
            co_await client.webhooks().create_webhook("https://example.com/a-rather-long-url-to-exceed-the-limit");
            FAIL("a response over max_response_size was accepted");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::response_too_large);
        }
        co_await client.close();
    });
}

TEST_CASE("operations accept other completion tokens", "[integration][client]") {
    asio::io_context ioc;
    mock::Server server(ioc.get_executor());
    server.start();
    AsyncClient client(ioc.get_executor(), options_for(server));
    auto run_until_ready = [&](auto& future) {
        auto deadline = std::chrono::steady_clock::now() + 10s;
        while (future.wait_for(0s) != std::future_status::ready && std::chrono::steady_clock::now() < deadline)
            ioc.run_one_for(50ms);
        REQUIRE(future.wait_for(0s) == std::future_status::ready);
    };
    auto opened = client.open(asio::use_future);
    run_until_ready(opened);
    opened.get();
    auto listed = client.webhooks().get_all_webhooks(asio::use_future);
    run_until_ready(listed);
    CHECK(listed.get().empty());

    auto failed = client.webhooks().get_webhook(Uuid::random(), asio::use_future);
    run_until_ready(failed);
    CHECK_THROWS_AS(failed.get(), ApiError);
}
