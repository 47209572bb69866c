// The fault matrix: every fault revolut-mock can inject × {a read, a money movement}, through
// the real client with its default retry policy. Each cell shows: no crash, no hang past the
// deadline, a typed error or a successful retry with the documented attempt count, and for
// transfers never more than one transaction however many attempts were made (exactly one
// whenever the call succeeded or the server acted on it). The matrix is printed as a table
// (whatever the checks say) for docs/mock.md.

#include "support/faults.hpp"
#include "support/mock_client.hpp"

#include <revolut/revolut.hpp>
#include <revolut/error.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;
using revolut::Errc;
using revolut::mock::Server;

enum class Workload { read, transfer };

const char* name_of(Workload w) { return w == Workload::read ? "read (GET /2.0/webhooks)" : "transfer (POST /1.0/transfer)"; }

// The client under test: a short per-attempt timeout and overall deadline, so every cell ends
// quickly; a 1 MiB response limit; otherwise the documented default retry policy.
constexpr auto request_timeout = 1000ms;
constexpr auto retry_deadline = 8000ms;
constexpr std::size_t max_response_size = 1024 * 1024;
// No cell may take longer than the retry deadline plus one attempt.
constexpr auto hang_limit = retry_deadline + request_timeout;

struct Expect {
    std::optional<Errc> error;  ///< nullopt: the call succeeds
    int attempts = 1;           ///< requests (or handshakes) the server saw
    std::size_t transactions = 1;  ///< for the transfer workload
};

struct Scenario {
    std::string name;
    std::function<void(Server&, http::verb, const std::string&)> arm;
    Expect read;
    Expect transfer;
    std::chrono::milliseconds settle{0};  ///< wait for delayed requests before counting
    std::chrono::milliseconds min_elapsed{0};  ///< e.g. a Retry-After honoured
};

Expect ok(int attempts, std::size_t transactions = 1) {
    Expect e;
    e.attempts = attempts;
    e.transactions = transactions;
    return e;
}
Expect fails(Errc error, int attempts, std::size_t transactions) {
    Expect e = ok(attempts, transactions);
    e.error = error;
    return e;
}

Scenario make(std::string name, std::function<void(Server&, http::verb, const std::string&)> arm, Expect read,
              Expect transfer, std::chrono::milliseconds settle = {}, std::chrono::milliseconds min_elapsed = {}) {
    Scenario s;
    s.name = std::move(name);
    s.arm = std::move(arm);
    s.read = read;
    s.transfer = transfer;
    s.settle = settle;
    s.min_elapsed = min_elapsed;
    return s;
}

auto fault(revolut::mock::Fault f) {
    return [f](Server& s, http::verb method, const std::string& path) { s.set_fault(method, path, f); };
}

std::vector<Scenario> scenarios() {
    using namespace revolut::test;
    auto always = [](revolut::mock::Fault f) {
        f.times = std::numeric_limits<std::size_t>::max();
        return f;
    };
    std::vector<Scenario> list;
    list.push_back(make("latency 300 ms (within the timeout)", fault(latency(300ms)), ok(1), ok(1), 0ms, 300ms));
    // The first attempt times out; the server still acts on it once its delay is over.
    list.push_back(make("latency 2 s (beyond the 1 s timeout), once", fault(latency(2000ms)), ok(2), ok(2), 2300ms, 1000ms));
    list.push_back(make("close before response, once", fault(close_before_response()), ok(2), ok(2)));
    list.push_back(make("reset mid-body, once", fault(reset_mid_body()), ok(2), ok(2)));
    list.push_back(make("truncated body, once", fault(truncated_body()), ok(2), ok(2)));
    list.push_back(make("malformed JSON", fault(malformed_json()), fails(Errc::invalid_response, 1, 0),
                    fails(Errc::invalid_response, 1, 1)));
    list.push_back(make("wrong content type (JSON labelled text/html)", fault(wrong_content_type()), ok(1), ok(1)));
    list.push_back(make("oversized body (2 MiB > 1 MiB limit)", fault(oversized_body(2 * 1024 * 1024)),
                    fails(Errc::response_too_large, 1, 0), fails(Errc::response_too_large, 1, 1)));
    list.push_back(make("429 Retry-After: 1 (seconds), once", fault(too_many_requests(1s)), ok(2), ok(2), 0ms, 1000ms));
    list.push_back(make("429 Retry-After: HTTP-date +2 s, once", fault(too_many_requests(2s, true)), ok(2), ok(2), 0ms, 1000ms));
    list.push_back(make("500 with an HTML body, once", fault(html_error(500)), fails(Errc::server_error, 1, 0),
                    fails(Errc::server_error, 1, 0)));
    list.push_back(make("503 with an HTML body, once", fault(html_error(503)), ok(2), ok(2)));
    list.push_back(make("503 with an HTML body, always", fault(always(html_error(503))), fails(Errc::server_error, 4, 0),
                    fails(Errc::server_error, 4, 0)));
    list.push_back(make("close before response, always", fault(always(close_before_response())),
                    fails(Errc::network, 4, 0), fails(Errc::network, 4, 0)));
    list.push_back(make("reset mid-body, always", fault(always(reset_mid_body())), fails(Errc::network, 4, 0),
                    fails(Errc::network, 4, 1)));
    list.push_back(make("TLS handshake failure, next connection",
                    [](Server& s, http::verb, const std::string&) { s.fail_tls_handshakes(1); },
                    fails(Errc::tls, 1, 0), fails(Errc::tls, 1, 0)));
    return list;
}

std::string errc_name(const boost::system::error_code& ec) {
    if (!ec) return "ok";
    if (ec.category() != revolut::category()) return ec.message();
    switch (static_cast<Errc>(ec.value())) {
    case Errc::network: return "Errc::network";
    case Errc::timeout: return "Errc::timeout";
    case Errc::tls: return "Errc::tls";
    case Errc::server_error: return "Errc::server_error";
    case Errc::too_many_requests: return "Errc::too_many_requests";
    case Errc::invalid_response: return "Errc::invalid_response";
    case Errc::response_too_large: return "Errc::response_too_large";
    case Errc::conflict: return "Errc::conflict";
    default: return "Errc(" + std::to_string(ec.value()) + "): " + ec.message();
    }
}

struct Row {
    std::string fault;
    Workload workload = Workload::read;
    boost::system::error_code error;  ///< empty: success
    int client_attempts = 1;          ///< from the error (1 on success: not reported)
    int server_attempts = 0;
    std::size_t transactions = 0;
    bool balances_agree = true;
    std::chrono::milliseconds elapsed{0};
    bool finished = false;
};

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

// Requests the server saw plus connections it refused at the handshake.
int server_attempts(const revolut::mock::Stats& s) {
    return static_cast<int>(s.requests + (s.connections_accepted - s.tls_handshakes));
}

asio::awaitable<void> run_cell(asio::io_context& ioc, const Scenario& scenario, Workload workload, Row& row) {
    Server server(ioc.get_executor());
    server.start();
    // Setup and inspection go through their own client, so the client under test opens its
    // first connection for the faulted call.
    const auto credentials = server.issue_credentials();
    revolut::AsyncClient setup(ioc.get_executor(), revolut::test::options_for(server, credentials));
    co_await setup.open();
    const auto amount = revolut::Decimal::parse("10.00");
    const auto opening = revolut::Decimal::parse("1000.00");
    const auto source = server.add_account("Matrix source", "GBP", opening);
    const auto target = server.add_account("Matrix target", "GBP", revolut::Decimal::parse("0.00"));
    if (workload == Workload::read) co_await setup.webhooks().create_webhook("https://example.com/hooks/matrix");

    auto options = revolut::test::options_for(server, credentials);
    options.request_timeout = request_timeout;
    options.max_response_size = max_response_size;
    options.retry.deadline = retry_deadline;
    revolut::AsyncClient client(ioc.get_executor(), options);
    co_await client.open();

    const auto before = server.stats();
    const std::string path = workload == Workload::read ? "/api/2.0/webhooks" : "/api/1.0/transfer";
    scenario.arm(server, workload == Workload::read ? http::verb::get : http::verb::post, path);
    const std::string request_id = "matrix-" + revolut::Uuid::random().to_string().substr(0, 8);
    const auto started = std::chrono::steady_clock::now();
    try {
        if (workload == Workload::read) {
            auto hooks = co_await client.webhooks().get_all_webhooks();
            CHECK(hooks.size() == 1);
        } else {
            auto result = co_await client.transfers().move_money_between_accounts(source, target, amount, "GBP",
                                                                                  "fault matrix", request_id);
            CHECK(result.request_id == request_id);
        }
    } catch (const revolut::Error& e) {
        row.error = e.code();
        row.client_attempts = e.attempts();
    }
    row.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    if (scenario.settle > row.elapsed) co_await sleep_for(scenario.settle - row.elapsed);
    row.server_attempts = server_attempts(server.stats()) - server_attempts(before);
    server.clear_faults();

    if (workload == Workload::transfer) {
        const auto listed = co_await setup.request(http::verb::get, "/1.0/transactions?count=1000");
        for (const auto& t : listed.as_array()) {
            const auto* id = t.as_object().if_contains("request_id");
            if (id && id->is_string() && id->get_string() == request_id) ++row.transactions;
        }
        const auto moved = co_await setup.accounts().get_account(source);
        const auto received = co_await setup.accounts().get_account(target);
        auto paid = revolut::Decimal::parse("0.00");
        for (std::size_t i = 0; i < row.transactions; ++i) paid += amount;
        row.balances_agree = moved.balance == opening - paid && received.balance == paid;
    }
    co_await client.close();
    co_await setup.close();
    server.stop();
    row.finished = true;
}

// Like run_async, but a hang is a row outcome (and a failed check), not an abort, so the
// table is printed whatever happens.
void run_cell_sync(const Scenario& scenario, Workload workload, Row& row) {
    asio::io_context ioc;
    std::exception_ptr error;
    asio::co_spawn(ioc, run_cell(ioc, scenario, workload, row), [&](std::exception_ptr e) { error = e; });
    ioc.run_for(hang_limit + scenario.settle + 10s);
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            FAIL_CHECK(scenario.name << ": the cell's setup or inspection threw: " << e.what());
        }
    }
}

void print_table(const std::vector<Row>& rows) {
    std::cout << "\nFault matrix (request_timeout " << request_timeout.count() << " ms, retry deadline "
              << retry_deadline.count() << " ms, max_response_size 1 MiB, default RetryPolicy)\n\n"
              << "| Fault | Workload | Outcome | Attempts (server saw) | Transactions | Time |\n"
              << "|---|---|---|---|---|---|\n";
    for (const auto& r : rows) {
        std::string outcome = !r.finished ? "HANG" : r.error ? errc_name(r.error) : "success";
        if (r.error && r.client_attempts > 1) outcome += " (after " + std::to_string(r.client_attempts) + " attempts)";
        std::cout << "| " << r.fault << " | " << (r.workload == Workload::read ? "read" : "transfer") << " | "
                  << outcome << " | " << r.server_attempts << " | "
                  << (r.workload == Workload::read ? std::string("—") : std::to_string(r.transactions)) << " | "
                  << r.elapsed.count() << " ms |\n";
    }
    std::cout << std::endl;
}

void run_matrix(Workload workload) {
    std::vector<Row> rows;
    const auto all = scenarios();
    for (const auto& scenario : all) {
        Row row;
        row.fault = scenario.name;
        row.workload = workload;
        run_cell_sync(scenario, workload, row);
        rows.push_back(row);
    }
    print_table(rows);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& scenario = all[i];
        const auto& row = rows[i];
        const Expect& expect = workload == Workload::read ? scenario.read : scenario.transfer;
        INFO(name_of(workload) << " under '" << scenario.name << "': " << (row.error ? errc_name(row.error) : "success"));
        CHECK(row.finished);
        CHECK(row.elapsed < hang_limit);
        CHECK(row.elapsed >= scenario.min_elapsed);
        if (expect.error) {
            CHECK(row.error == *expect.error);
            CHECK(row.client_attempts == expect.attempts);
        } else {
            CHECK_FALSE(row.error);
        }
        CHECK(row.server_attempts == expect.attempts);
        if (workload == Workload::transfer) {
            CHECK(row.transactions <= 1);
            CHECK(row.transactions == expect.transactions);
            CHECK(row.balances_agree);
        }
    }
}

}  // namespace

TEST_CASE("fault matrix: reads end in a typed error or a retried success, never a hang", "[faults][matrix]") {
    run_matrix(Workload::read);
}

TEST_CASE("fault matrix: a transfer is made at most once however many attempts it takes", "[faults][matrix]") {
    run_matrix(Workload::transfer);
}
