// The client-side rate limiter against revolut-mock: a burst of concurrent calls is spread
// out. Checked with counts, not exact times: by any moment t after the burst starts, the
// emulator can have seen at most burst + rate * t requests (a slow machine only sees fewer),
// and the whole burst cannot finish sooner than its slots allow.
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using revolut::test::run_async;
using Clock = std::chrono::steady_clock;

namespace {

asio::awaitable<void> sleep_for(Clock::duration d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

TEST_CASE("a burst of 25 concurrent calls is spread out at the configured rate", "[integration][rate_limit]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = revolut::test::options_for(server);
        RateLimit limit;
        limit.requests_per_second = 20;
        limit.burst = 5;
        options.rate_limit = limit;
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();

        constexpr std::size_t calls = 25;
        std::size_t done = 0, failed = 0;
        const auto started = Clock::now();
        for (std::size_t i = 0; i < calls; ++i)
            client.webhooks().get_all_webhooks([&](std::exception_ptr e, auto) {
                ++done;
                if (e) ++failed;
            });
        // Sample the emulator's count while the burst drains.
        std::size_t samples_over_limit = 0, samples = 0;
        while (done < calls && seconds_since(started) < 10) {
            co_await sleep_for(25ms);
            const auto seen = server.stats().requests;
            const auto allowed = static_cast<double>(limit.burst) + limit.requests_per_second * seconds_since(started);
            ++samples;
            if (static_cast<double>(seen) > allowed + 1e-9) ++samples_over_limit;
        }
        CHECK(done == calls);
        CHECK(failed == 0);
        CHECK(samples > 5);
        CHECK(samples_over_limit == 0);
        // 20 calls beyond the burst at 20 per second: at least a second in all.
        CHECK(seconds_since(started) >= 0.95);
        CHECK(server.stats().requests == calls);
        co_await client.close();
    });
}

TEST_CASE("an invalid rate limit is refused by open()", "[integration][rate_limit]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto options = revolut::test::options_for(server);
        RateLimit limit;
        limit.requests_per_second = 0;
        options.rate_limit = limit;
        AsyncClient client(ioc.get_executor(), options);
        try {
            co_await client.open();
            FAIL("open() accepted a rate of zero");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::invalid_argument);
        }
        CHECK_FALSE(client.is_open());
    });
}
