// The three deprecated Webhooks v1 methods against revolut-mock over real TLS.
#include "accounting_support.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/webhooks_v1.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::expect_api_error;
using revolut::test::run_async;

TEST_CASE("webhooks v1: set up, get, replace, delete the single URL", "[integration][webhooks_v1]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.webhooks_v1();
            auto none = co_await expect_api_error(api.get_webhook(), Errc::not_found);
            CHECK(none.status() == 404);

            co_await api.set_up_webhook("https://example.com/v1");
            auto webhook = co_await api.get_webhook();
            CHECK(webhook.url == "https://example.com/v1");

            co_await api.set_up_webhook("https://example.com/replaced");  // one per business
            auto replaced = co_await api.get_webhook();
            CHECK(replaced.url == "https://example.com/replaced");

            // v1 and v2 are separate: the v2 list does not show the v1 URL.
            auto v2 = co_await client.webhooks().get_all_webhooks();
            CHECK(v2.empty());

            co_await api.delete_webhook();
            co_await expect_api_error(api.get_webhook(), Errc::not_found);
            co_await expect_api_error(api.delete_webhook(), Errc::not_found);
        });
    });
}

TEST_CASE("webhooks v1: raw JSON, https only on both sides", "[integration][webhooks_v1]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto raw = client.webhooks_v1(revolut::raw);
            boost::json::value set = co_await raw.set_up_webhook("https://example.com/raw");
            CHECK(set == boost::json::object{});  // 204
            boost::json::value got = co_await raw.get_webhook();
            CHECK(got == boost::json::object{{"url", "https://example.com/raw"}});

            const auto before = server.stats().requests;
            co_await revolut::test::expect_error(client.webhooks_v1().set_up_webhook("http://example.com/plain"),
                                                 Errc::invalid_argument);
            CHECK(server.stats().requests == before);

            // Sent around the client's check, the server refuses it too and keeps the old URL.
            boost::json::object plain{{"url", "http://example.com/plain"}};
            auto refused = co_await expect_api_error(
                client.request(boost::beast::http::verb::post, "/1.0/webhook", boost::json::value(plain)),
                Errc::bad_request);
            CHECK(refused.api_code() == 3000);
            auto kept = co_await client.webhooks_v1().get_webhook();
            CHECK(kept.url == "https://example.com/raw");
        });
    });
}
