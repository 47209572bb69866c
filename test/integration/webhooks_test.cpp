// The seven Webhooks v2 methods against revolut-mock over real TLS.
#include "support/expect.hpp"
#include "support/faults.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using revolut::test::run_async;

using revolut::test::expect_api_error;

TEST_CASE("webhooks: create, get, list, update, rotate, failed events, delete", "[integration][webhooks]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto hooks = client.webhooks();
            std::vector<WebhookEvent> payouts{WebhookEventType::PayoutLinkCreated};
            auto created = co_await hooks.create_webhook("https://example.com/hooks", payouts);
            CHECK(created.url == "https://example.com/hooks");
            REQUIRE(created.events.size() == 1);
            CHECK(created.events[0] == WebhookEventType::PayoutLinkCreated);
            CHECK(created.signing_secret.starts_with("wsk_"));

            auto fetched = co_await hooks.get_webhook(created.id);
            CHECK(fetched.id == created.id);
            CHECK(fetched.signing_secret == created.signing_secret);

            auto all = co_await hooks.get_all_webhooks();
            REQUIRE(all.size() == 1);
            CHECK(all[0].id == created.id);

            // (a named vector: GCC 12 mis-compiles multi-element braced lists in co_await)
            std::vector<WebhookEvent> both{WebhookEventType::TransactionCreated,
                                           WebhookEventType::TransactionStateChanged};
            auto updated = co_await hooks.update_webhook(created.id, std::nullopt, both);
            CHECK(updated.url == "https://example.com/hooks");  // untouched
            CHECK(updated.events.size() == 2);
            auto moved = co_await hooks.update_webhook(created.id, "https://example.com/v2");
            CHECK(moved.url == "https://example.com/v2");
            CHECK(moved.events.size() == 2);  // untouched

            auto rotated = co_await hooks.rotate_webhook_secret(created.id, std::chrono::days(1));
            CHECK(rotated.signing_secret.starts_with("wsk_"));
            CHECK(rotated.signing_secret != created.signing_secret);
            auto result_1 = co_await hooks.get_webhook(created.id);
            CHECK(result_1.signing_secret == rotated.signing_secret);

            auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
            for (int i = 0; i < 3; ++i) {
                boost::json::object payload;
                payload["event"] = "PayoutLinkStateChanged";
                payload["timestamp"] = format_timestamp(now - std::chrono::hours(3 - i));
                boost::json::object data;
                data["id"] = "link-" + std::to_string(i);
                data["old_state"] = "active";
                data["new_state"] = "processed";
                payload["data"] = std::move(data);
                server.add_failed_event(created.id, now - std::chrono::hours(3 - i), payload);
            }
            auto failed = co_await hooks.get_failed_webhook_events(created.id);
            REQUIRE(failed.size() == 3);
            CHECK(failed[0].created_at > failed[1].created_at);  // newest first
            CHECK(failed[0].webhook_id == created.id);
            auto* link = std::get_if<webhook::PayoutLinkStateChanged>(&failed[0].payload.data);
            REQUIRE(link);
            CHECK(link->id == "link-2");
            CHECK(link->new_state == PayoutLinkState::processed);
            auto page = co_await hooks.get_failed_webhook_events(created.id, 1, CreatedBefore{failed[0].created_at});
            REQUIRE(page.size() == 1);
            CHECK(page[0].id == failed[1].id);

            co_await hooks.delete_webhook(created.id);
            auto result_2 = co_await hooks.get_all_webhooks();
            CHECK(result_2.empty());
            auto gone = co_await expect_api_error(hooks.get_webhook(created.id), Errc::not_found);
            CHECK(gone.status() == 404);
            CHECK(gone.api_code() == 3040);
        });
    });
}

TEST_CASE("create_webhook without events subscribes to the server's default events", "[integration][webhooks]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto created = co_await client.webhooks().create_webhook("https://example.com/default");
            REQUIRE(created.events.size() == 2);
            CHECK(created.events[0] == WebhookEventType::TransactionCreated);
            CHECK(created.events[1] == WebhookEventType::TransactionStateChanged);
        });
    });
}

TEST_CASE("raw JSON is available for every webhook call", "[integration][webhooks]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto raw = client.webhooks(revolut::raw);
            boost::json::value created = co_await raw.create_webhook("https://example.com/raw");
            REQUIRE(created.is_object());
            CHECK(created.at("signing_secret").as_string().starts_with("wsk_"));
            Uuid id{created.at("id").as_string()};
            boost::json::value all = co_await raw.get_all_webhooks();
            REQUIRE(all.is_array());
            CHECK(all.as_array().size() == 1);
            CHECK_FALSE(all.as_array()[0].as_object().contains("signing_secret"));
            boost::json::value deleted = co_await raw.delete_webhook(id);
            CHECK(deleted == boost::json::object{});
        });
    });
}

TEST_CASE("invalid input fails before anything is sent", "[integration][webhooks]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.open();
        auto before = server.stats().requests;
        auto hooks = client.webhooks();
        auto expect_invalid = [](auto op) -> asio::awaitable<void> {
            try {
                co_await std::move(op);
                FAIL("accepted");
            } catch (const Error& e) {
                CHECK(e.code() == Errc::invalid_argument);
            }
        };
        co_await expect_invalid(hooks.create_webhook("http://example.com/plain"));
        co_await expect_invalid(hooks.update_webhook(Uuid::random()));
        co_await expect_invalid(hooks.get_failed_webhook_events(Uuid::random(), 0));
        co_await expect_invalid(hooks.get_failed_webhook_events(Uuid::random(), 1001));
        co_await expect_invalid(hooks.rotate_webhook_secret(Uuid::random(), std::chrono::days(8)));
        co_await expect_invalid(hooks.get_failed_webhook_events(Uuid::random(), 5, CreatedBefore{std::string("soon")}));
        CHECK(server.stats().requests == before);
        co_await client.close();
    });
}

TEST_CASE("API errors carry status, Revolut code and message", "[integration][webhooks][errors]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::ServerOptions two_webhooks;
        two_webhooks.max_webhooks = 2;
        mock::Server server(ioc.get_executor(), two_webhooks);
        server.start();
        // Each status must surface as it is: no retry may turn a 429 or 503 into a success.
        auto options = revolut::test::options_for(server);
        options.retry = RetryPolicy::none();
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        auto hooks = client.webhooks();

        // 404 and 422 from the emulator's own rules.
        co_await expect_api_error(hooks.delete_webhook(Uuid::random()), Errc::not_found);
        co_await hooks.create_webhook("https://example.com/1");
        co_await hooks.create_webhook("https://example.com/2");
        auto full = co_await expect_api_error(hooks.create_webhook("https://example.com/3"), Errc::unprocessable_entity);
        CHECK(full.status() == 422);
        CHECK(full.api_code() == 3352);
        // 400: created_before older than the 21 days the API keeps failed events.
        auto old = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()) -
                   std::chrono::days(30);
        auto all = co_await hooks.get_all_webhooks();
        co_await expect_api_error(hooks.get_failed_webhook_events(all[0].id, 10, CreatedBefore{old}), Errc::bad_request);

        // The remaining kinds, scripted on the emulator.
        struct Case { unsigned status; Errc code; };
        for (auto [status, code] : {Case{400, Errc::bad_request}, Case{403, Errc::forbidden},
                                    Case{405, Errc::method_not_allowed}, Case{406, Errc::not_acceptable},
                                    Case{409, Errc::conflict}, Case{429, Errc::too_many_requests},
                                    Case{500, Errc::server_error}, Case{503, Errc::server_error},
                                    Case{418, Errc::unexpected_status}}) {
            INFO(status);
            server.set_fault(boost::beast::http::verb::get, "/api/2.0/webhooks",
                             revolut::test::respond(status, R"({"code":)" + std::to_string(9000 + status) +
                                                                R"(,"message":"scripted"})"));
            auto e = co_await expect_api_error(hooks.get_all_webhooks(), code);
            CHECK(e.status() == status);
            CHECK(e.api_code() == 9000 + status);
            CHECK(e.api_message() == "scripted");
        }
        // A 5xx HTML page still becomes a typed error with the reason phrase.
        server.set_fault(boost::beast::http::verb::get, "/api/2.0/webhooks",
                         revolut::test::respond(502, "<html>Bad gateway</html>", "text/html"));
        auto html = co_await expect_api_error(hooks.get_all_webhooks(), Errc::server_error);
        CHECK_FALSE(html.api_code());
        CHECK(html.api_message() == "Bad Gateway");
        co_await client.close();
    });
}

TEST_CASE("a failed event whose payload does not fit its type is kept whole", "[integration][webhooks]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.open();
        auto created = co_await client.webhooks().create_webhook("https://example.com/odd");
        boost::json::object payload;
        payload["event"] = "TransactionCreated";
        payload["data"] = boost::json::object{};  // no id, no legs
        auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
        server.add_failed_event(created.id, now - std::chrono::minutes(1), payload);
        auto failed = co_await client.webhooks().get_failed_webhook_events(created.id);
        REQUIRE(failed.size() == 1);
        CHECK(failed[0].payload.event == WebhookEventType::TransactionCreated);
        CHECK(std::holds_alternative<webhook::UnknownEvent>(failed[0].payload.data));
        CHECK(failed[0].payload.raw.find("TransactionCreated") != std::string::npos);
        co_await client.close();
    });
}
