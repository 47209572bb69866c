// Memory per in-flight call: `calls` get_all_webhooks calls started at once on one client,
// held in flight by an emulator fault that delays every answer. The pool's connections are
// opened (and the allocator warmed) first; the difference in RSS (/proc/self/statm) and in
// heap in use (mallinfo2) before and after starting the calls, divided by their number, is
// what each in-flight call costs. The calls are then cancelled with close(CloseMode::cancel).

#include "modes.hpp"

#include "measure.hpp"
#include "mock_host.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <malloc.h>

#include <cstdio>
#include <stdexcept>

namespace revolut::bench {

namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

std::size_t heap_in_use() {
    const auto info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

asio::awaitable<void> sleep_for(Clock::duration d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

// Starts `n` calls and waits until they have all completed.
asio::awaitable<void> burst(AsyncClient& client, std::size_t n) {
    std::size_t remaining = n;
    asio::steady_timer done(co_await asio::this_coro::executor, asio::steady_timer::time_point::max());
    for (std::size_t i = 0; i < n; ++i) {
        client.webhooks().get_all_webhooks([&](std::exception_ptr e, std::vector<Webhook>) {
            if (e) std::rethrow_exception(e);
            if (--remaining == 0) done.cancel();
        });
    }
    co_await done.async_wait(asio::as_tuple(asio::use_awaitable));
}

}  // namespace

json::object run_memory(std::size_t calls, std::size_t max_connections) {
    MockThread mock;
    MockServer server(mock, server_options(Workload::list_webhooks));
    seed(server, Workload::list_webhooks);

    asio::io_context ioc{1};
    AsyncClient client(ioc.get_executor(), server.client_options(max_connections));
    std::size_t rss_before = 0, rss_after = 0, rss_later = 0, heap_before = 0, heap_after = 0;
    std::size_t finished = 0, aborted = 0;
    auto main = [&]() -> asio::awaitable<void> {
        co_await client.open();
        for (int wave = 0; wave < 3; ++wave) co_await burst(client, max_connections);
        server.with_server([](mock::Server& s) {
            mock::Fault hold;
            hold.delay = std::chrono::minutes(10);
            s.set_fault(boost::beast::http::verb::get, "/api/2.0/webhooks", hold);
        });
        malloc_trim(0);
        rss_before = rss_bytes();
        heap_before = heap_in_use();
        for (std::size_t i = 0; i < calls; ++i) {
            client.webhooks().get_all_webhooks([&](std::exception_ptr e, std::vector<Webhook>) {
                ++finished;
                if (e && error_code_of(e) == asio::error::operation_aborted) ++aborted;
            });
        }
        co_await sleep_for(1s);  // every call is now waiting for its answer or a connection
        rss_after = rss_bytes();
        heap_after = heap_in_use();
        co_await sleep_for(500ms);
        rss_later = rss_bytes();
        co_await client.close(CloseMode::cancel);
        server.with_server([](mock::Server& s) { s.clear_faults(); });
    };
    auto done = asio::co_spawn(ioc, main(), asio::use_future);
    ioc.run();
    done.get();
    if (finished != calls) throw std::runtime_error("memory: not every call completed");

    const double per_call_rss = static_cast<double>(rss_after - rss_before) / static_cast<double>(calls);
    const double per_call_heap = static_cast<double>(heap_after - heap_before) / static_cast<double>(calls);
    json::object result;
    result["mode"] = "memory";
    result["calls_in_flight"] = calls;
    result["max_connections"] = max_connections;
    result["rss_before_bytes"] = rss_before;
    result["rss_in_flight_bytes"] = rss_after;
    result["rss_in_flight_later_bytes"] = rss_later;
    result["rss_per_call_bytes"] = per_call_rss;
    result["heap_per_call_bytes"] = per_call_heap;
    result["aborted_by_close"] = aborted;
    result["load_average"] = load_average();
    std::fprintf(stderr,
                 "memory: %zu calls in flight over %zu connections: %.0f bytes RSS per call (%.1f KiB), "
                 "%.0f bytes heap per call; %zu aborted by close(cancel)\n",
                 calls, max_connections, per_call_rss, per_call_rss / 1024, per_call_heap, aborted);
    return result;
}

}  // namespace revolut::bench
