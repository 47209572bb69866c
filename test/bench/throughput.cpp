// Throughput and latency, client against the raw baseline, for each workload at each
// concurrency, repeated; medians of the repetitions and the client/raw ratios.
//
// Fairness: the emulator runs on its own thread, the caller (client or raw) on the benchmark
// thread with a single-threaded io_context, so on a 2-core machine each side has a core.
// Every worker keeps one call in flight; the client gets max_connections = concurrency so
// that, like the baseline, each worker has a kept-alive connection. Connections are opened
// and warmed before the measured window starts; only calls inside the window count.

#include "modes.hpp"

#include "measure.hpp"
#include "mock_host.hpp"
#include "raw_client.hpp"
#include "workloads.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/array.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <stdexcept>

namespace revolut::bench {

namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

struct RunResult {
    double seconds = 0;
    std::size_t calls = 0;
    std::vector<double> latencies_us;
    double client_cpu = 0;  // CPU seconds of the benchmark thread inside the window
    double server_cpu = 0;  // CPU seconds of the emulator thread inside the window
    std::size_t tls_handshakes = 0;  // connections opened over the whole run
};

// What the workers of one run share: the measured window (opened once every worker has
// completed a first call) and the samples.
struct Run {
    Run(std::size_t workers, const ThroughputOptions& options)
        : workers(workers), warmup(options.warmup), seconds(options.seconds) {
        result.latencies_us.reserve(1 << 20);
    }

    // Warm-up and window grow with the time one round of first calls took: at c=256 with
    // 0.5 MB bodies a round lasts seconds, and a fixed 1 s window would count no call at all.
    void worker_ready() {
        if (++ready == workers) {
            const auto now = Clock::now();
            const std::chrono::duration<double> round = now - began;
            start = now + std::chrono::duration_cast<Clock::duration>(std::max(warmup, round));
            end = start + std::chrono::duration_cast<Clock::duration>(std::max(seconds, 3 * round));
        }
    }
    void record(Clock::time_point t0, Clock::time_point t1) {
        if (t1 >= start && t1 <= end) ++result.calls;
        if (t0 >= start && t1 <= end)
            result.latencies_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    void fail(std::exception_ptr e) {
        if (!error) error = e;
        end = Clock::now();  // stop every worker
    }

    std::size_t workers;
    std::size_t ready = 0;
    Clock::time_point began = Clock::now();
    std::chrono::duration<double> warmup;
    std::chrono::duration<double> seconds;
    Clock::time_point start = Clock::time_point::max();
    Clock::time_point end = Clock::time_point::max();
    RunResult result;
    std::exception_ptr error;
};

template <class Call>
asio::awaitable<void> call_loop(Run& run, Call call) {
    bool first = true;
    for (;;) {
        auto t0 = Clock::now();
        if (t0 >= run.end) co_return;
        co_await call();
        auto t1 = Clock::now();
        if (first) {
            first = false;
            run.worker_ready();
        } else {
            run.record(t0, t1);
        }
    }
}

// Samples both threads' CPU time at the edges of the window.
asio::awaitable<void> sample_cpu(Run& run, MockThread& mock) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
    while (run.start == Clock::time_point::max() && !run.error) {
        timer.expires_after(5ms);
        co_await timer.async_wait(nothrow);
    }
    if (run.error) co_return;
    timer.expires_at(run.start);
    co_await timer.async_wait(nothrow);
    const double client0 = thread_cpu_seconds(), server0 = mock.cpu_seconds();
    timer.expires_at(run.end);
    co_await timer.async_wait(nothrow);
    run.result.client_cpu = thread_cpu_seconds() - client0;
    run.result.server_cpu = mock.cpu_seconds() - server0;
}

// Spawns `workers` coroutines made by make_worker(i), waits for all of them.
template <class MakeWorker>
asio::awaitable<void> run_workers(Run& run, MockThread& mock, std::size_t workers,
                                  MakeWorker make_worker) {
    auto executor = co_await asio::this_coro::executor;
    std::size_t remaining = workers;
    asio::steady_timer all_done(executor, asio::steady_timer::time_point::max());
    for (std::size_t i = 0; i < workers; ++i) {
        asio::co_spawn(executor, make_worker(i), [&](std::exception_ptr e) {
            if (e) run.fail(e);
            if (--remaining == 0) all_done.cancel();
        });
    }
    asio::co_spawn(executor, sample_cpu(run, mock), asio::detached);
    co_await all_done.async_wait(asio::as_tuple(asio::use_awaitable));
}

void check_items(Workload w, std::size_t got) {
    if (got != expected_items(w))
        throw std::runtime_error(std::string(name_of(w)) + ": expected " +
                                 std::to_string(expected_items(w)) + " items, got " + std::to_string(got));
}

std::size_t raw_items(Workload w, const json::value& v) {
    if (w == Workload::create_webhook) return v.is_object() && v.get_object().contains("signing_secret") ? 1 : 0;
    return v.is_array() ? v.get_array().size() : 0;
}

RunResult run_client(MockServer& server, MockThread& mock, Workload w, std::size_t c,
                     const ThroughputOptions& options) {
    asio::io_context ioc{1};
    AsyncClient client(ioc.get_executor(), server.client_options(c));
    Run run(c, options);
    auto main = [&]() -> asio::awaitable<void> {
        co_await client.open();
        co_await run_workers(run, mock, c, [&](std::size_t) {
            return call_loop(run, [&]() -> asio::awaitable<void> {
                check_items(w, co_await client_call(client, w));
            });
        });
        co_await client.close();
        run.result.tls_handshakes = client.stats().connections_opened;
    };
    auto done = asio::co_spawn(ioc, main(), asio::use_future);
    ioc.run();
    done.get();
    if (run.error) std::rethrow_exception(run.error);
    run.result.seconds = seconds_between(run.start, run.end);
    return std::move(run.result);
}

RunResult run_raw(MockServer& server, MockThread& mock, Workload w, std::size_t c,
                  const ThroughputOptions& options) {
    asio::io_context ioc{1};
    auto tls = make_raw_tls(server.ca_pem());
    const auto exchange = raw_exchange(w);
    const std::string host = "127.0.0.1";
    const RawRequest request =
        make_raw_request(exchange, host + ":" + std::to_string(server.port()), server.access_token());
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(host), server.port());
    Run run(c, options);
    auto worker = [&]() -> asio::awaitable<void> {
        RawConnection connection(co_await asio::this_coro::executor, *tls);
        co_await connection.connect(endpoint, host);
        RawRequest mine = request;  // each connection has its own, built once
        co_await call_loop(run, [&]() -> asio::awaitable<void> {
            auto body = co_await connection.exchange(mine, exchange.expected_status);
            check_items(w, raw_items(w, body));
        });
    };
    auto main = [&]() -> asio::awaitable<void> {
        co_await run_workers(run, mock, c, [&](std::size_t) { return worker(); });
        run.result.tls_handshakes = c;
    };
    auto done = asio::co_spawn(ioc, main(), asio::use_future);
    ioc.run();
    done.get();
    if (run.error) std::rethrow_exception(run.error);
    run.result.seconds = seconds_between(run.start, run.end);
    return std::move(run.result);
}

json::object run_json(Workload w, const char* variant, std::size_t c, int rep, RunResult& r) {
    json::object o;
    o["workload"] = name_of(w);
    o["variant"] = variant;
    o["concurrency"] = c;
    o["rep"] = rep;
    o["calls"] = r.calls;
    o["seconds"] = r.seconds;
    o["throughput"] = static_cast<double>(r.calls) / r.seconds;
    o["p50_us"] = quantile(r.latencies_us, 0.50);
    o["p99_us"] = quantile(r.latencies_us, 0.99);
    o["client_cpu_us_per_call"] = r.calls ? r.client_cpu * 1e6 / static_cast<double>(r.calls) : 0.0;
    o["server_cpu_us_per_call"] = r.calls ? r.server_cpu * 1e6 / static_cast<double>(r.calls) : 0.0;
    o["client_cpu_busy"] = r.client_cpu / r.seconds;
    o["server_cpu_busy"] = r.server_cpu / r.seconds;
    o["tls_handshakes"] = r.tls_handshakes;
    o["load_average"] = load_average();
    return o;
}

double field(const json::value& v, const char* key) { return v.at(key).to_number<double>(); }

// Medians over the repetitions, per workload/concurrency/variant, and the ratios.
json::array summarise(const json::array& runs, const ThroughputOptions& options) {
    json::array summary;
    for (Workload w : options.workloads) {
        for (std::size_t c : options.concurrency) {
            json::object row;
            row["workload"] = name_of(w);
            row["concurrency"] = c;
            for (const char* variant : {"raw", "client"}) {
                json::object medians;
                for (const char* key : {"throughput", "p50_us", "p99_us", "client_cpu_us_per_call",
                                        "server_cpu_us_per_call", "server_cpu_busy"}) {
                    std::vector<double> values;
                    for (const auto& r : runs) {
                        if (r.at("workload") == name_of(w) && r.at("concurrency").to_number<std::size_t>() == c &&
                            r.at("variant") == variant)
                            values.push_back(field(r, key));
                    }
                    medians[key] = median(values);
                }
                row[variant] = std::move(medians);
            }
            // Copies: inserting into `row` below may move its values.
            const json::object raw = row["raw"].as_object();
            const json::object client = row["client"].as_object();
            auto ratio = [&](const char* key) {
                const double base = raw.at(key).as_double();
                return base > 0 ? client.at(key).as_double() / base : 0.0;
            };
            row["ratio_throughput"] = ratio("throughput");
            row["ratio_p50"] = ratio("p50_us");
            row["ratio_p99"] = ratio("p99_us");
            row["ratio_cpu_per_call"] = ratio("client_cpu_us_per_call");
            row["p99_overhead_us"] = client.at("p99_us").as_double() - raw.at("p99_us").as_double();
            row["p50_overhead_us"] = client.at("p50_us").as_double() - raw.at("p50_us").as_double();
            // At most one handshake per pooled connection over a whole run.
            double handshakes = 0;
            for (const auto& r : runs) {
                if (r.at("workload") == name_of(w) && r.at("concurrency").to_number<std::size_t>() == c &&
                    r.at("variant") == "client")
                    handshakes = std::max(handshakes, field(r, "tls_handshakes") / static_cast<double>(c));
            }
            row["client_max_handshakes_per_connection"] = handshakes;
            summary.push_back(std::move(row));
        }
    }
    return summary;
}

}  // namespace

json::object run_throughput(const ThroughputOptions& options) {
    MockThread mock;
    json::array runs;
    json::object bodies;
    for (int rep = 1; rep <= options.reps; ++rep) {
        for (Workload w : options.workloads) {
            // A fresh, seeded emulator per workload and repetition: create_webhook only grows
            // its store, and no workload sees another's state.
            MockServer server(mock, server_options(w));
            seed(server, w);
            for (std::size_t c : options.concurrency) {
                // Alternate the order so that drift in the machine's load hits both alike.
                const bool raw_first = (rep + static_cast<int>(c)) % 2 == 0;
                for (int k = 0; k < 2; ++k) {
                    const bool raw = (k == 0) == raw_first;
                    if (raw ? !options.run_raw : !options.run_client) continue;
                    RunResult r = raw ? run_raw(server, mock, w, c, options)
                                      : run_client(server, mock, w, c, options);
                    auto row = run_json(w, raw ? "raw" : "client", c, rep, r);
                    std::fprintf(stderr, "rep %d %-18s c=%-4zu %-6s %9.0f calls/s  p50 %8.1f us  p99 %8.1f us  cpu %7.1f us/call  server busy %.2f\n",
                                 rep, name_of(w), c, raw ? "raw" : "client", row["throughput"].as_double(),
                                 row["p50_us"].as_double(), row["p99_us"].as_double(),
                                 row["client_cpu_us_per_call"].as_double(), row["server_cpu_busy"].as_double());
                    runs.push_back(std::move(row));
                }
            }
        }
    }
    json::object result;
    result["mode"] = "throughput";
    json::object config;
    config["reps"] = options.reps;
    config["seconds"] = options.seconds;
    config["warmup_seconds"] = options.warmup;
    json::array conc;
    for (auto c : options.concurrency) conc.push_back(c);
    config["concurrency"] = std::move(conc);
    result["config"] = std::move(config);
    result["summary"] = summarise(runs, options);
    result["runs"] = std::move(runs);
    return result;
}

}  // namespace revolut::bench
