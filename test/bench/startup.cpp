// Time to first response: from a cold start (client created and opened, TCP connect, full
// TLS handshake, the request), and on a second connection of the same client, where the
// pool should resume the TLS session of the first. The raw baseline does the same by hand
// (SSL_get1_session / SSL_set_session), plus a second full handshake for reference.

#include "modes.hpp"

#include "measure.hpp"
#include "mock_host.hpp"
#include "raw_client.hpp"

#include "http/transport.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/array.hpp>

#include <cstdio>
#include <stdexcept>

namespace revolut::bench {

namespace asio = boost::asio;
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

double ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

asio::awaitable<void> sleep_for(Clock::duration d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

template <class F>
void run_on_fresh_context(F f) {
    asio::io_context ioc{1};
    auto done = asio::co_spawn(ioc, f(ioc), asio::use_future);
    ioc.run();
    done.get();
}

struct Samples {
    std::vector<double> cold, second;
    std::size_t connections = 0;
};

// The first connection expires at once (idle_timeout 1 ms), so the second call opens another.
Samples sample_client(MockServer& server, int samples) {
    Samples s;
    for (int i = 0; i < samples; ++i) {
        run_on_fresh_context([&](asio::io_context& ioc) -> asio::awaitable<void> {
            const auto t0 = Clock::now();
            auto options = server.client_options(1);
            options.idle_timeout = 1ms;
            AsyncClient client(ioc.get_executor(), options);
            co_await client.open();
            if (co_await client_get_all_webhooks(client) != seeded_webhooks) throw std::runtime_error("bad list");
            const auto t1 = Clock::now();
            co_await sleep_for(20ms);
            const auto t2 = Clock::now();
            if (co_await client_get_all_webhooks(client) != seeded_webhooks) throw std::runtime_error("bad list");
            const auto t3 = Clock::now();
            s.connections += client.stats().connections_opened;
            co_await client.close();
            s.cold.push_back(ms(t0, t1));
            s.second.push_back(ms(t2, t3));
        });
    }
    return s;
}

struct RawSamples {
    std::vector<double> cold, resumed, full;
    std::size_t reused = 0;
};

RawSamples sample_raw(MockServer& server, int samples) {
    RawSamples s;
    const std::string host = "127.0.0.1";
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(host), server.port());
    const auto exchange = raw_exchange(Workload::list_webhooks);
    const auto request =
        make_raw_request(exchange, host + ":" + std::to_string(server.port()), server.access_token());
    for (int i = 0; i < samples; ++i) {
        run_on_fresh_context([&](asio::io_context& ioc) -> asio::awaitable<void> {
            auto once = [&](asio::ssl::context& tls, SSL_SESSION* session) -> asio::awaitable<SSL_SESSION*> {
                RawConnection connection(ioc.get_executor(), tls);
                co_await connection.connect(endpoint, host, session);
                co_await connection.exchange(request, 200);
                if (session != nullptr && connection.session_reused()) ++s.reused;
                SSL_SESSION* next = connection.get1_session();
                connection.end_keeping_session();
                co_return next;
            };
            const auto t0 = Clock::now();
            auto tls = make_raw_tls(server.ca_pem());
            SSL_SESSION* session = co_await once(*tls, nullptr);
            const auto t1 = Clock::now();
            SSL_SESSION* again = co_await once(*tls, session);
            const auto t2 = Clock::now();
            SSL_SESSION* full = co_await once(*tls, nullptr);
            const auto t3 = Clock::now();
            SSL_SESSION_free(session);
            SSL_SESSION_free(again);
            SSL_SESSION_free(full);
            s.cold.push_back(ms(t0, t1));
            s.resumed.push_back(ms(t1, t2));
            s.full.push_back(ms(t2, t3));
        });
    }
    return s;
}

// The pool's own account of resumption (not visible through ClientStats): two connections
// one after the other through the transport, the second should resume.
http::PoolStats transport_check(MockServer& server) {
    http::PoolStats stats;
    run_on_fresh_context([&](asio::io_context& ioc) -> asio::awaitable<void> {
        http::TlsSettings tls;
        tls.use_system_trust_store = false;
        tls.ca_pem = server.ca_pem();
        http::PoolSettings pool;
        pool.max_connections = 1;
        pool.idle_timeout = 1ms;
        http::Transport transport(ioc.get_executor(), tls, http::BaseUrl::parse(server.base_url()), pool);
        for (int i = 0; i < 3; ++i) {
            http::Request request{boost::beast::http::verb::get, "/api/2.0/webhooks", 11};
            request.set(boost::beast::http::field::authorization, "Bearer " + server.access_token());
            const http::RequestLimits limits;
            auto response = co_await transport.send(request, limits);
            if (response.result_int() != 200) throw std::runtime_error("transport check: bad status");
            co_await sleep_for(20ms);
        }
        stats = transport.pool().stats();
        co_await transport.pool().close_idle(1s);
    });
    return stats;
}

json::object summary(std::vector<double> v) {
    json::object o;
    o["median_ms"] = median(v);
    o["p90_ms"] = quantile(v, 0.9);
    o["min_ms"] = quantile(v, 0.0);
    return o;
}

}  // namespace

json::object run_startup(int samples) {
    MockThread mock;
    MockServer server(mock, server_options(Workload::list_webhooks));
    seed(server, Workload::list_webhooks);

    // Interleaved in halves so that load drift hits both alike.
    Samples client = sample_client(server, samples / 2);
    RawSamples raw = sample_raw(server, samples / 2);
    Samples client2 = sample_client(server, samples - samples / 2);
    RawSamples raw2 = sample_raw(server, samples - samples / 2);
    client.cold.insert(client.cold.end(), client2.cold.begin(), client2.cold.end());
    client.second.insert(client.second.end(), client2.second.begin(), client2.second.end());
    client.connections += client2.connections;
    for (auto* v : {&raw.cold, &raw.resumed, &raw.full}) {
        auto& from = v == &raw.cold ? raw2.cold : v == &raw.resumed ? raw2.resumed : raw2.full;
        v->insert(v->end(), from.begin(), from.end());
    }
    raw.reused += raw2.reused;

    const auto pool = transport_check(server);

    json::object result;
    result["mode"] = "startup";
    result["samples"] = samples;
    json::object c;
    c["cold_first_response"] = summary(client.cold);
    c["second_connection"] = summary(client.second);
    c["connections_opened_per_sample"] = static_cast<double>(client.connections) / samples;
    result["client"] = std::move(c);
    json::object r;
    r["cold_first_response"] = summary(raw.cold);
    r["second_connection_resumed"] = summary(raw.resumed);
    r["second_connection_full_handshake"] = summary(raw.full);
    r["resumed_fraction"] = static_cast<double>(raw.reused) / samples;
    result["raw"] = std::move(r);
    json::object t;
    t["connections_opened"] = pool.connections_opened;
    t["connections_resumed"] = pool.connections_resumed;
    result["client_pool_check"] = std::move(t);
    result["load_average"] = load_average();
    std::fprintf(stderr,
                 "startup: client cold %.2f ms, second connection %.2f ms (pool: %zu opened, %zu resumed);"
                 " raw cold %.2f ms, resumed %.2f ms (%zu/%d reused), full %.2f ms\n",
                 median(client.cold), median(client.second), pool.connections_opened,
                 pool.connections_resumed, median(raw.cold), median(raw.resumed), raw.reused, samples,
                 median(raw.full));
    return result;
}

}  // namespace revolut::bench
