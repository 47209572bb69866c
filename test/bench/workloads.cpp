#include "workloads.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/object.hpp>

#include <limits>
#include <stdexcept>
#include <vector>

namespace revolut::bench {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

const std::string created_url = "https://example.com/bench/created";
const std::vector<WebhookEvent> created_events{WebhookEventType::TransactionCreated};

}  // namespace

RawExchange raw_exchange(Workload w) {
    RawExchange exchange;
    switch (w) {
    case Workload::list_webhooks:
        exchange.target = "/api/2.0/webhooks";
        break;
    case Workload::list_transactions:
        exchange.target = "/api/1.0/transactions?count=1000";
        break;
    case Workload::create_webhook:
        exchange.method = http::verb::post;
        exchange.target = "/api/2.0/webhooks";
        // Byte for byte what create_webhook(created_url, created_events) sends.
        exchange.body = R"({"url":")" + created_url + R"(","events":["TransactionCreated"]})";
        exchange.expected_status = 201;
        break;
    }
    return exchange;
}

asio::awaitable<std::size_t> client_get_all_webhooks(AsyncClient& client) {
    auto webhooks = co_await client.webhooks().get_all_webhooks();
    co_return webhooks.size();
}

asio::awaitable<std::size_t> client_list_transactions(AsyncClient& client) {
    // Typed, once available:
    //   auto page = co_await client.transactions().get_all_transactions(...count = 1000...);
    auto body = co_await client.request(http::verb::get, "/1.0/transactions?count=1000");
    co_return body.is_array() ? body.get_array().size() : 0;
}

asio::awaitable<std::size_t> client_create_webhook(AsyncClient& client) {
    auto created = co_await client.webhooks().create_webhook(created_url, created_events);
    co_return created.url == created_url ? 1 : 0;
}

asio::awaitable<std::size_t> client_call(AsyncClient& client, Workload w) {
    switch (w) {
    case Workload::list_webhooks: return client_get_all_webhooks(client);
    case Workload::list_transactions: return client_list_transactions(client);
    case Workload::create_webhook: return client_create_webhook(client);
    }
    throw std::logic_error("unknown workload");
}

std::size_t expected_items(Workload w) {
    switch (w) {
    case Workload::list_webhooks: return seeded_webhooks;
    case Workload::list_transactions: return seeded_transactions;
    case Workload::create_webhook: return 1;
    }
    return 0;
}

mock::ServerOptions server_options(Workload w) {
    mock::ServerOptions options;
    if (w == Workload::create_webhook) options.max_webhooks = std::numeric_limits<std::size_t>::max();
    // 256 workers may sit idle between phases; never let the emulator drop them.
    options.idle_timeout = std::chrono::minutes(10);
    return options;
}

namespace {

asio::awaitable<void> seed_webhooks(AsyncClient& client) {
    for (std::size_t i = 0; i < seeded_webhooks; ++i) {
        std::vector<WebhookEvent> events{WebhookEventType::TransactionCreated,
                                         WebhookEventType::TransactionStateChanged};
        auto url = "https://example.com/bench/hook-" + std::to_string(i);
        co_await client.webhooks().create_webhook(url, events);
    }
}

asio::awaitable<void> seed_transactions(AsyncClient& client, std::string account_id) {
    for (std::size_t i = 0; i < seeded_transactions; ++i) {
        json::object body;
        body["account_id"] = account_id;
        body["amount"] = static_cast<std::int64_t>(1 + i % 97);
        body["currency"] = "GBP";
        body["reference"] = "Bench top-up " + std::to_string(i);
        body["state"] = "completed";
        json::value value(std::move(body));
        co_await client.request(http::verb::post, "/1.0/sandbox/topup", value);
    }
}

}  // namespace

void seed(MockServer& server, Workload w) {
    if (w == Workload::create_webhook) return;
    std::string account_id;
    if (w == Workload::list_transactions) {
        account_id = server.with_server([](mock::Server& s) {
            return s.add_account("Bench", "GBP", Decimal(0)).to_string();
        });
    }
    asio::io_context ioc;
    AsyncClient client(ioc.get_executor(), server.client_options(1));
    auto done = asio::co_spawn(
        ioc,
        client.session([&]() -> asio::awaitable<void> {
            if (w == Workload::list_webhooks) co_await seed_webhooks(client);
            else co_await seed_transactions(client, account_id);
        }),
        asio::use_future);
    ioc.run();
    done.get();
}

}  // namespace revolut::bench
