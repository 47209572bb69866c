// The client and the webhook receiver on an io_context run by several threads, as a server
// application runs them: calls started from many coroutines (and from outside the pool with
// use_future), completions on whichever thread is free, close() racing in-flight calls.
// These tests are what the tsan preset checks for data races; they must also pass normally.
// revolut-mock is not thread-safe, so it gets its own single-threaded io_context.

#include "support/mock_client.hpp"

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>
#include <revolut/webhook/receiver.hpp>
#include <revolut/webhook/verify.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_future.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

constexpr int pool_threads = 4;

// An io_context run by `threads` threads until the object goes away.
class ThreadPool {
public:
    explicit ThreadPool(int threads) : guard_(asio::make_work_guard(ioc_)) {
        for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { ioc_.run(); });
    }
    ~ThreadPool() { stop(); }
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    asio::io_context& context() { return ioc_; }
    void stop() {
        guard_.reset();
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }

private:
    asio::io_context ioc_;
    asio::executor_work_guard<asio::io_context::executor_type> guard_;
    std::vector<std::thread> threads_;
};

// revolut-mock on its own thread; stopped on that thread.
class MockThread {
public:
    // Room for more webhooks than Revolut's 10, one per concurrent caller.
    MockThread() : server_(ioc_.get_executor(), roomy()) { server_.start(); }
    ~MockThread() {
        if (!thread_.joinable()) return;
        asio::post(ioc_, [this] { server_.stop(); });
        guard_.reset();
        thread_.join();
    }
    MockThread(const MockThread&) = delete;
    MockThread& operator=(const MockThread&) = delete;

    // Configure before run(); the server is not touched from this thread afterwards.
    mock::Server& server() { return server_; }
    void run() { thread_ = std::thread([this] { ioc_.run(); }); }

private:
    static mock::ServerOptions roomy() {
        mock::ServerOptions options;
        options.max_webhooks = 64;
        return options;
    }

    asio::io_context ioc_;
    asio::executor_work_guard<asio::io_context::executor_type> guard_{asio::make_work_guard(ioc_)};
    mock::Server server_;
    std::thread thread_;
};

template <class T>
T wait(std::future<T>& f) {
    REQUIRE(f.wait_for(30s) == std::future_status::ready);
    return f.get();
}

}  // namespace

TEST_CASE("one client shared by coroutines on an io_context run by four threads",
          "[integration][multithreaded]") {
    MockThread mock;
    const ClientOptions options = revolut::test::options_for(mock.server());
    mock.run();
    ThreadPool pool(pool_threads);
    AsyncClient client(pool.context().get_executor(), options);

    auto opened = client.open(asio::use_future);
    wait(opened);

    // Each caller is its own coroutine on the pool (not on the client's strand), so calls
    // start and complete on every thread.
    constexpr int callers = 16;
    std::vector<std::future<Uuid>> results;
    for (int i = 0; i < callers; ++i) {
        results.push_back(asio::co_spawn(
            pool.context(),
            [&client, i]() -> asio::awaitable<Uuid> {
                auto hooks = client.webhooks();
                auto created = co_await hooks.create_webhook("https://example.com/mt/" + std::to_string(i));
                auto fetched = co_await hooks.get_webhook(created.id);
                if (fetched.url != created.url) throw std::runtime_error("fetched another webhook");
                co_return created.id;
            },
            asio::use_future));
    }
    std::set<Uuid> ids;
    for (auto& r : results) ids.insert(wait(r));
    CHECK(ids.size() == static_cast<std::size_t>(callers));

    // A call from a thread outside the pool, with a future.
    auto listed = client.webhooks().get_all_webhooks(asio::use_future);
    const auto all = wait(listed);
    std::set<Uuid> listed_ids;
    for (const auto& w : all) listed_ids.insert(w.id);
    CHECK(listed_ids == ids);

    auto closed = client.close(CloseMode::graceful, asio::use_future);
    wait(closed);
    CHECK_FALSE(client.is_open());
}

TEST_CASE("close(cancel) from another thread while calls are in flight on four threads",
          "[integration][multithreaded]") {
    MockThread mock;
    mock::Fault slow;
    slow.delay = 2s;
    mock.server().set_fault(http::verb::get, "/api/2.0/webhooks", slow);
    const ClientOptions options = revolut::test::options_for(mock.server());
    mock.run();
    ThreadPool pool(pool_threads);
    AsyncClient client(pool.context().get_executor(), options);
    auto opened = client.open(asio::use_future);
    wait(opened);

    constexpr int callers = 8;
    std::atomic<int> aborted{0}, other{0};
    std::vector<std::future<void>> calls;
    for (int i = 0; i < callers; ++i) {
        calls.push_back(asio::co_spawn(
            pool.context(),
            [&]() -> asio::awaitable<void> {
                try {
                    co_await client.webhooks().get_all_webhooks();
                    ++other;
                } catch (const boost::system::system_error& e) {
                    ++(e.code() == asio::error::operation_aborted ? aborted : other);
                }
            },
            asio::use_future));
    }
    std::this_thread::sleep_for(300ms);  // the calls are waiting on the slow route
    const auto started = std::chrono::steady_clock::now();
    auto closed = client.close(CloseMode::cancel, asio::use_future);
    wait(closed);
    for (auto& c : calls) wait(c);

    CHECK(aborted.load() == callers);
    CHECK(other.load() == 0);
    CHECK(std::chrono::steady_clock::now() - started < 1500ms);  // not waiting for the 2 s delay
    CHECK_FALSE(client.is_open());
}

TEST_CASE("a WebhookHandler answers concurrent deliveries and redeliveries on four threads",
          "[integration][multithreaded]") {
    const std::string secret = "wsk_multithreadedTestSecret";
    webhook::WebhookHandlerOptions options;
    options.signing_secrets = {secret};
    options.remembered_events = 1000;
    webhook::WebhookHandler handler(std::move(options));
    std::atomic<int> handled{0};
    handler.on_transaction_state_changed([&](const webhook::TransactionStateChanged&) -> asio::awaitable<void> {
        ++handled;
        co_return;
    });

    // Every event is delivered twice at once: one is handled, the other is a redelivery
    // (suppressed, or 409 while the first is still being handled).
    constexpr int events = 50;
    std::vector<webhook::HttpRequest> requests;
    const std::string timestamp = webhook::format_request_timestamp(
        std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()));
    for (int i = 0; i < events; ++i) {
        webhook::HttpRequest request{http::verb::post, "/webhook", 11};
        request.body() = R"({"event":"TransactionStateChanged","timestamp":"2024-01-02T03:04:05Z",)"
                         R"("data":{"id":"tx-)" + std::to_string(i) +
                         R"(","old_state":"pending","new_state":"completed"}})";
        request.set(webhook::timestamp_header, timestamp);
        request.set(webhook::signature_header, webhook::sign_payload(secret, timestamp, request.body()));
        request.prepare_payload();
        requests.push_back(request);
        requests.push_back(std::move(request));
    }

    ThreadPool pool(pool_threads);
    // Secrets replaced concurrently with the deliveries (the same secret: nothing may fail).
    std::atomic<bool> done{false};
    std::thread rotator([&] {
        while (!done) handler.set_signing_secrets({secret, "wsk_anotherSecret"});
    });
    std::vector<std::future<webhook::HttpResponse>> answers;
    for (const auto& request : requests)
        answers.push_back(asio::co_spawn(pool.context(), handler.handle(request), asio::use_future));
    int ok = 0, conflict = 0;
    for (auto& a : answers) {
        const auto status = wait(a).result();
        if (status == http::status::ok) ++ok;
        else if (status == http::status::conflict) ++conflict;
    }
    done = true;
    rotator.join();

    CHECK(ok + conflict == 2 * events);
    CHECK(handled.load() == events);
    const auto stats = handler.stats();
    CHECK(stats.handled == static_cast<std::size_t>(events));
    CHECK(stats.requests == static_cast<std::size_t>(2 * events));
}
