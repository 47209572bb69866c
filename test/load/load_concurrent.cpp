// Load: N calls (default 10,000) in flight at once on one single-threaded io_context, against
// revolut-mock on its own thread. Every call must succeed (retries are off, so none is hidden)
// and memory must stay bounded: it reports RSS before, at the peak and after (per call), and
// fails when the peak grows by more than a per-call budget or the memory is not returned.
//
//   revolut_load_concurrent [CALLS [MAX_CONNECTIONS]]

#include "load_support.hpp"

#include <revolut/revolut.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

namespace asio = boost::asio;
using namespace std::chrono_literals;
using revolut::load::mib;

namespace {

// Budgets: what "bounded" means here. An in-flight call holds its coroutine frames, request
// and response until it completes; 64 KiB each is far above what it needs, and a leak of
// one frame per call would still be caught by the after-close check.
constexpr long peak_budget_kib_per_call = 64;
constexpr long retained_budget_kib = 32 * 1024;

struct Run {
    std::size_t calls = 0;
    std::size_t started = 0;
    std::size_t succeeded = 0;
    std::size_t failed = 0;
    std::size_t max_in_flight = 0;
    std::string first_error;
    long rss_start = 0;   ///< before the client opened
    long rss_before = 0;  ///< warmed up, pool connections open
    long rss_peak = 0;
    long rss_done = 0;
    long rss_closed = 0;
    long rss_trimmed = 0;
    std::chrono::milliseconds elapsed{0};
    revolut::ClientStats client_stats;
};

asio::awaitable<void> run(revolut::AsyncClient& client, Run& r) {
    malloc_trim(0);
    r.rss_start = revolut::load::rss_kib();
    co_await client.open();
    // Warm up: the pool's connections and the allocator's arenas, so "before" is steady.
    {
        std::size_t warm = 0;
        const std::size_t width = client.options().max_connections;
        asio::steady_timer all_done(co_await asio::this_coro::executor, asio::steady_timer::time_point::max());
        for (std::size_t i = 0; i < width; ++i) {
            asio::co_spawn(client.get_executor(), client.accounts().get_all_accounts(),
                           [&](std::exception_ptr, auto) {
                               if (++warm == width) all_done.cancel();
                           });
        }
        co_await all_done.async_wait(asio::as_tuple(asio::use_awaitable));
    }
    malloc_trim(0);
    r.rss_before = revolut::load::rss_kib();
    revolut::load::reset_peak_rss();

    const auto started = std::chrono::steady_clock::now();
    asio::steady_timer all_done(co_await asio::this_coro::executor, asio::steady_timer::time_point::max());
    std::size_t in_flight = 0;
    for (std::size_t i = 0; i < r.calls; ++i) {
        ++r.started;
        r.max_in_flight = std::max(r.max_in_flight, ++in_flight);
        client.accounts().get_all_accounts([&](std::exception_ptr error, std::vector<revolut::Account> accounts) {
            --in_flight;
            if (!error && accounts.size() == 2) {
                ++r.succeeded;
            } else {
                if (r.failed++ == 0) {
                    try {
                        if (error) std::rethrow_exception(error);
                        r.first_error = "unexpected account count " + std::to_string(accounts.size());
                    } catch (const std::exception& e) {
                        r.first_error = e.what();
                    }
                }
            }
            if (r.succeeded + r.failed == r.calls) all_done.cancel();
        });
    }
    co_await all_done.async_wait(asio::as_tuple(asio::use_awaitable));
    r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    r.rss_peak = revolut::load::peak_rss_kib();
    r.rss_done = revolut::load::rss_kib();
    r.client_stats = client.stats();
    co_await client.close();
    r.rss_closed = revolut::load::rss_kib();
    malloc_trim(0);
    r.rss_trimmed = revolut::load::rss_kib();
}

}  // namespace

int main(int argc, char** argv) {
    Run r;
    r.calls = argc > 1 ? std::stoul(argv[1]) : 10'000;
    const std::size_t connections = argc > 2 ? std::stoul(argv[2]) : 64;

    revolut::mock::ServerOptions server_options;
    server_options.idle_timeout = 600s;
    revolut::load::MockOnThread mock(server_options);
    auto options = mock.client_options();
    options.max_connections = connections;
    // Queued calls wait for a connection inside their request_timeout; with hundreds of
    // connections opened at once, the emulator's one thread needs a while for the handshakes.
    options.request_timeout = 600s;
    options.connect_timeout = 120s;
    options.retry = revolut::RetryPolicy::none();

    asio::io_context ioc(1);
    revolut::AsyncClient client(ioc.get_executor(), options);
    std::exception_ptr failure;
    asio::co_spawn(ioc, run(client, r), [&](std::exception_ptr e) { failure = e; });
    ioc.run();
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            std::cerr << "load run failed: " << e.what() << '\n';
            return 1;
        }
    }
    const auto server = mock.with_server([](revolut::mock::Server& s) { return s.stats(); });

    const long peak_growth = r.rss_peak - r.rss_before;
    const long retained = r.rss_trimmed - r.rss_start;
    std::printf("concurrent load: %zu calls (GET /1.0/accounts), all started before any completed "
                "(max in flight %zu), one io_context thread, max_connections %zu, retries off\n",
                r.calls, r.max_in_flight, connections);
    std::printf("  succeeded %zu, failed %zu%s%s\n", r.succeeded, r.failed, r.failed ? ", first error: " : "",
                r.first_error.c_str());
    std::printf("  elapsed %.2f s, %.0f calls/s; client opened %zu connections, %zu reuses; server accepted %zu "
                "connections, served %zu requests\n",
                static_cast<double>(r.elapsed.count()) / 1000.0,
                static_cast<double>(r.calls) * 1000.0 / static_cast<double>(std::max<long>(r.elapsed.count(), 1)),
                r.client_stats.connections_opened, r.client_stats.connection_reuses, server.connections_accepted,
                server.requests);
    std::printf("  RSS (process: client and emulator) at start %.1f MiB, warmed up with the pool's connections "
                "open %.1f MiB, peak %.1f MiB (+%.1f MiB, %.2f KiB per in-flight call), all done %.1f MiB, client "
                "closed %.1f MiB, after malloc_trim %.1f MiB (%+.1f MiB since the start)\n",
                mib(r.rss_start), mib(r.rss_before), mib(r.rss_peak), mib(peak_growth),
                static_cast<double>(peak_growth) / static_cast<double>(std::max<std::size_t>(r.calls, 1)),
                mib(r.rss_done), mib(r.rss_closed), mib(r.rss_trimmed), mib(retained));

    bool ok = true;
    if (r.failed != 0 || r.succeeded != r.calls) {
        std::printf("FAIL: every call must succeed\n");
        ok = false;
    }
    if (peak_growth > peak_budget_kib_per_call * static_cast<long>(r.calls)) {
        std::printf("FAIL: peak RSS grew by more than %ld KiB per call\n", peak_budget_kib_per_call);
        ok = false;
    }
    if (retained > retained_budget_kib) {
        std::printf("FAIL: %.1f MiB more than at the start after the calls completed and the client closed\n",
                    mib(retained));
        ok = false;
    }
    std::printf(ok ? "PASS\n" : "FAIL\n");
    return ok ? 0 : 1;
}
