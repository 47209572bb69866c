// Soak: N sequential calls (default 200,000) through the connection pool against revolut-mock
// on its own thread, sampling RSS every SAMPLE calls (default 10,000). Memory must be flat:
// after a warm-up (the first two samples), RSS may not grow by more than a small budget
// however many calls follow, and every call must succeed (retries are off, so none is hidden).
//
//   revolut_load_soak [CALLS [SAMPLE [MAX_CONNECTIONS]]]

#include "load_support.hpp"

#include <revolut/revolut.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace asio = boost::asio;
using namespace std::chrono_literals;
using revolut::load::mib;

namespace {

// Flat: from the end of the warm-up to the last sample, at most this much growth (a leak of
// 12 bytes per call over 180,000 calls would already exceed it).
constexpr long growth_budget_kib = 2 * 1024;

struct Sample {
    std::size_t calls = 0;
    long rss_kib = 0;
    double seconds = 0;
};

struct Run {
    std::size_t calls = 0;
    std::size_t sample_every = 0;
    std::size_t failed = 0;
    std::string first_error;
    long rss_start = 0;
    std::vector<Sample> samples;
    revolut::ClientStats client_stats;
};

asio::awaitable<void> run(revolut::AsyncClient& client, Run& r) {
    co_await client.open();
    r.rss_start = revolut::load::rss_kib();
    const auto started = std::chrono::steady_clock::now();
    for (std::size_t i = 1; i <= r.calls; ++i) {
        auto [error, accounts] = co_await client.accounts().get_all_accounts(asio::as_tuple(asio::use_awaitable));
        if (error || accounts.size() != 2) {
            if (r.failed++ == 0) {
                try {
                    if (error) std::rethrow_exception(error);
                    r.first_error = "unexpected account count " + std::to_string(accounts.size());
                } catch (const std::exception& e) {
                    r.first_error = e.what();
                }
            }
        }
        if (i % r.sample_every == 0 || i == r.calls) {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            r.samples.push_back(Sample{i, revolut::load::rss_kib(), seconds});
            std::printf("  %7zu calls  RSS %8ld KiB  %6.1f s\n", i, r.samples.back().rss_kib, seconds);
            std::fflush(stdout);
        }
    }
    r.client_stats = client.stats();
    co_await client.close();
}

}  // namespace

int main(int argc, char** argv) {
    Run r;
    r.calls = argc > 1 ? std::stoul(argv[1]) : 200'000;
    r.sample_every = argc > 2 ? std::stoul(argv[2]) : 10'000;
    const std::size_t connections = argc > 3 ? std::stoul(argv[3]) : 16;
    if (r.calls == 0 || r.sample_every == 0) {
        std::cerr << "usage: revolut_load_soak [CALLS [SAMPLE [MAX_CONNECTIONS]]]\n";
        return 2;
    }

    revolut::mock::ServerOptions server_options;
    server_options.idle_timeout = 600s;
    revolut::load::MockOnThread mock(server_options);
    auto options = mock.client_options();
    options.max_connections = connections;
    options.retry = revolut::RetryPolicy::none();

    std::printf("soak: %zu sequential calls (GET /1.0/accounts) through the pool, RSS (process: client and "
                "emulator) every %zu calls\n",
                r.calls, r.sample_every);
    asio::io_context ioc(1);
    revolut::AsyncClient client(ioc.get_executor(), options);
    std::exception_ptr failure;
    asio::co_spawn(ioc, run(client, r), [&](std::exception_ptr e) { failure = e; });
    ioc.run();
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            std::cerr << "soak run failed: " << e.what() << '\n';
            return 1;
        }
    }
    const auto server = mock.with_server([](revolut::mock::Server& s) { return s.stats(); });

    // Warm-up: up to the second sample (allocator arenas, TLS session state, pool); from
    // there on RSS must stay flat.
    const std::size_t warm = std::min<std::size_t>(1, r.samples.size() - 1);
    long low = r.samples[warm].rss_kib;
    long high = low;
    for (std::size_t i = warm; i < r.samples.size(); ++i) {
        low = std::min(low, r.samples[i].rss_kib);
        high = std::max(high, r.samples[i].rss_kib);
    }
    const long growth = r.samples.back().rss_kib - r.samples[warm].rss_kib;
    const double calls_after_warmup = static_cast<double>(r.calls - r.samples[warm].calls);
    const double seconds = r.samples.back().seconds;
    std::printf("  succeeded %zu, failed %zu%s%s\n", r.calls - r.failed, r.failed, r.failed ? ", first error: " : "",
                r.first_error.c_str());
    std::printf("  %.1f s, %.0f calls/s; client opened %zu connections, %zu reuses; server accepted %zu connections\n",
                seconds, static_cast<double>(r.calls) / seconds, r.client_stats.connections_opened,
                r.client_stats.connection_reuses, server.connections_accepted);
    std::printf("  RSS at start %ld KiB; after warm-up (%zu calls) %ld KiB; final %ld KiB; range after warm-up "
                "%ld..%ld KiB; growth after warm-up %+ld KiB (%+.2f bytes per call)\n",
                r.rss_start, r.samples[warm].calls, r.samples[warm].rss_kib, r.samples.back().rss_kib, low, high,
                growth,
                calls_after_warmup > 0 ? static_cast<double>(growth) * 1024.0 / calls_after_warmup : 0.0);

    bool ok = true;
    if (r.failed != 0) {
        std::printf("FAIL: every call must succeed\n");
        ok = false;
    }
    if (high - r.samples[warm].rss_kib > growth_budget_kib) {
        std::printf("FAIL: RSS grew by more than %.1f MiB after the warm-up\n", mib(growth_budget_kib));
        ok = false;
    }
    std::printf(ok ? "PASS\n" : "FAIL\n");
    return ok ? 0 : 1;
}
