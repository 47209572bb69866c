// Heap allocations per call on the calling thread (operator new and OpenSSL's allocator),
// client and raw, for each workload: sequential calls on one warm kept-alive connection.
// The `profile` mode runs the same loop for one workload and variant with callgrind's
// instrumentation switched on around the measured calls only:
//   valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes
//     revolut_bench profile --workload get_all_webhooks --variant client --calls 2000

#include "modes.hpp"

#include "alloc_counter.hpp"
#include "measure.hpp"
#include "mock_host.hpp"
#include "raw_client.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/array.hpp>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

#include <cstdio>
#include <stdexcept>

namespace revolut::bench {

namespace asio = boost::asio;
namespace json = boost::json;

namespace {

struct PerCall {
    double count = 0;
    double bytes = 0;
};

template <class Call>
asio::awaitable<PerCall> count_calls(std::size_t warmup, std::size_t calls, Call call) {
    for (std::size_t i = 0; i < warmup; ++i) co_await call();
    const auto before = thread_allocations();
    CALLGRIND_START_INSTRUMENTATION;
    for (std::size_t i = 0; i < calls; ++i) co_await call();
    CALLGRIND_STOP_INSTRUMENTATION;
    const auto after = thread_allocations();
    const auto n = static_cast<double>(calls);
    PerCall per_call;
    per_call.count = static_cast<double>(after.count - before.count) / n;
    per_call.bytes = static_cast<double>(after.bytes - before.bytes) / n;
    co_return per_call;
}

template <class F>
PerCall on_fresh_context(F f) {
    asio::io_context ioc{1};
    auto done = asio::co_spawn(ioc, f(ioc), asio::use_future);
    ioc.run();
    return done.get();
}

PerCall client_allocations(MockServer& server, Workload w, std::size_t calls) {
    return on_fresh_context([&](asio::io_context& ioc) -> asio::awaitable<PerCall> {
        AsyncClient client(ioc.get_executor(), server.client_options(1));
        co_await client.open();
        auto per_call = co_await count_calls(calls / 10 + 2, calls, [&]() -> asio::awaitable<void> {
            if (co_await client_call(client, w) != expected_items(w)) throw std::runtime_error("bad answer");
        });
        co_await client.close();
        co_return per_call;
    });
}

PerCall raw_allocations(MockServer& server, Workload w, std::size_t calls) {
    return on_fresh_context([&](asio::io_context& ioc) -> asio::awaitable<PerCall> {
        const std::string host = "127.0.0.1";
        auto tls = make_raw_tls(server.ca_pem());
        const auto exchange = raw_exchange(w);
        const auto request =
            make_raw_request(exchange, host + ":" + std::to_string(server.port()), server.access_token());
        RawConnection connection(ioc.get_executor(), *tls);
        co_await connection.connect(asio::ip::tcp::endpoint(asio::ip::make_address(host), server.port()), host);
        co_return co_await count_calls(calls / 10 + 2, calls, [&]() -> asio::awaitable<void> {
            co_await connection.exchange(request, exchange.expected_status);
        });
    });
}

}  // namespace

json::object run_profile(Workload w, bool raw, std::size_t calls) {
    MockThread mock;
    MockServer server(mock, server_options(w));
    seed(server, w);
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_seconds();
    const PerCall per_call = raw ? raw_allocations(server, w, calls) : client_allocations(server, w, calls);
    const double cpu = thread_cpu_seconds() - cpu_start;
    json::object result;
    result["mode"] = "profile";
    result["workload"] = name_of(w);
    result["variant"] = raw ? "raw" : "client";
    result["calls"] = calls;
    result["allocations_per_call"] = per_call.count;
    result["bytes_per_call"] = per_call.bytes;
    result["seconds"] = seconds_between(start, Clock::now());
    result["cpu_us_per_call_incl_warmup"] = cpu * 1e6 / static_cast<double>(calls + calls / 10 + 2);
    std::fprintf(stderr, "profile %s %s: %zu calls, %.1f allocations per call, %.1f us CPU per call\n", name_of(w),
                 raw ? "raw" : "client", calls, per_call.count, result["cpu_us_per_call_incl_warmup"].as_double());
    return result;
}

json::object run_allocations(std::size_t calls) {
    MockThread mock;
    json::array rows;
    for (Workload w : {Workload::list_webhooks, Workload::list_transactions, Workload::create_webhook}) {
        MockServer server(mock, server_options(w));
        seed(server, w);
        // The 0.5 MB page costs the emulator milliseconds: fewer calls suffice.
        const std::size_t n = w == Workload::list_transactions ? std::max<std::size_t>(calls / 40, 10) : calls;
        const PerCall client = client_allocations(server, w, n);
        const PerCall raw = raw_allocations(server, w, n);
        json::object row;
        row["workload"] = name_of(w);
        row["calls"] = n;
        row["client_allocations_per_call"] = client.count;
        row["client_bytes_per_call"] = client.bytes;
        row["raw_allocations_per_call"] = raw.count;
        row["raw_bytes_per_call"] = raw.bytes;
        std::fprintf(stderr, "allocations %-18s client %8.1f allocs %10.0f bytes | raw %8.1f allocs %10.0f bytes per call\n",
                     name_of(w), client.count, client.bytes, raw.count, raw.bytes);
        rows.push_back(std::move(row));
    }
    json::object result;
    result["mode"] = "allocations";
    result["workloads"] = std::move(rows);
    result["load_average"] = load_average();
    return result;
}

}  // namespace revolut::bench
