// The blocking Client: pyrevolut's synchronous client, on a thread of its own, against
// revolut-mock running on another thread.
#include "support/mock_client.hpp"

#include <revolut/api/webhooks.hpp>
#include <revolut/blocking.hpp>
#include <revolut/mock/server.hpp>
#include <revolut/sync_client.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace revolut;
namespace asio = boost::asio;

namespace {

// revolut-mock on an io_context of its own thread, set up before the thread starts.
class MockOnThread {
public:
    MockOnThread() : server_(io_.get_executor()) {
        server_.start();
        options_ = test::options_for(server_);
        thread_ = std::thread([this] { io_.run(); });
    }
    ~MockOnThread() {
        asio::post(io_, [this] { server_.stop(); });
        work_.reset();
        thread_.join();
    }
    const ClientOptions& options() const { return options_; }

private:
    asio::io_context io_;
    asio::executor_work_guard<asio::io_context::executor_type> work_ = asio::make_work_guard(io_);
    mock::Server server_;
    ClientOptions options_;
    std::thread thread_;
};

}  // namespace

TEST_CASE("sync client: the endpoint methods return their results", "[integration][sync]") {
    MockOnThread mock;
    Client client(mock.options());
    CHECK_FALSE(client.is_open());
    client.open();
    CHECK(client.is_open());

    auto created = client.webhooks().create_webhook("https://example.com/sync");
    CHECK(created.url == "https://example.com/sync");
    auto all = client.webhooks().get_all_webhooks();
    REQUIRE(all.size() == 1);
    CHECK(all[0].id == created.id);

    auto raw_hook = client.webhooks(revolut::raw).get_webhook(created.id);
    CHECK(raw_hook.at("url").as_string() == "https://example.com/sync");
    auto listed = client.request(boost::beast::http::verb::get, "/2.0/webhooks");
    CHECK(listed.as_array().size() == 1);

    client.webhooks().delete_webhook(created.id);
    try {
        client.webhooks().get_webhook(created.id);
        FAIL("a deleted webhook should be gone");
    } catch (const ApiError& e) {
        CHECK(e.status() == 404);
        CHECK(e.code() == make_error_code(Errc::not_found));
    }
    client.close();
    CHECK_FALSE(client.is_open());
    try {
        client.webhooks().get_all_webhooks();
        FAIL("a closed client should refuse calls");
    } catch (const Error& e) {
        CHECK(e.code() == make_error_code(Errc::not_open));
    }
}

TEST_CASE("sync client: many threads share one client and its connections", "[integration][sync]") {
    MockOnThread mock;
    auto options = mock.options();
    options.max_connections = 4;
    Client client(options);
    client.open();
    client.webhooks().create_webhook("https://example.com/shared");

    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i)
                if (client.webhooks().get_all_webhooks().size() == 1) ++ok;
        });
    for (auto& thread : threads) thread.join();
    CHECK(ok == 80);
    CHECK(client.stats().connections_opened <= 4);
}

TEST_CASE("sync client: the destructor closes an open client", "[integration][sync]") {
    MockOnThread mock;
    {
        Client client(mock.options());
        client.open();
        client.webhooks().get_all_webhooks();
    }  // must return: graceful close, then the thread stops
    SUCCEED("the client closed and its thread joined");
}
