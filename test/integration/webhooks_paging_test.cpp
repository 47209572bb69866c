// iterate_failed_webhook_events against revolut-mock: every failed event exactly once, newest
// first, also when several share the created_at a page ends on, and from a created_before.
#include "accounting_support.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/webhooks.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::collect;
using revolut::test::run_async;

namespace {

Timestamp now_micros() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

// Records a failed PayoutLinkStateChanged delivery for `link` created at `at`.
void add_failed(mock::Server& server, const Uuid& webhook, Timestamp at, const std::string& link) {
    boost::json::object data;
    data["id"] = link;
    data["old_state"] = "active";
    data["new_state"] = "processed";
    boost::json::object payload;
    payload["event"] = "PayoutLinkStateChanged";
    payload["timestamp"] = format_timestamp(at);
    payload["data"] = std::move(data);
    server.add_failed_event(webhook, at, std::move(payload));
}

std::string link_of(const FailedWebhookEvent& event) {
    const auto* changed = std::get_if<webhook::PayoutLinkStateChanged>(&event.payload.data);
    REQUIRE(changed);
    return changed->id;
}

// Nine failed events: "newest" (now - 1 h), "second" (- 2 h), five ties "tie-0".."tie-4"
// sharing one timestamp (- 3 h, returned), "older" (- 4 h) and "oldest" (- 5 h).
Timestamp add_nine_failed(mock::Server& server, const Uuid& webhook_id, Timestamp now) {
    const auto shared = now - std::chrono::hours(3);
    add_failed(server, webhook_id, now - std::chrono::hours(1), "newest");
    add_failed(server, webhook_id, now - std::chrono::hours(2), "second");
    for (int i = 0; i < 5; ++i) add_failed(server, webhook_id, shared, "tie-" + std::to_string(i));
    add_failed(server, webhook_id, now - std::chrono::hours(4), "older");
    add_failed(server, webhook_id, now - std::chrono::hours(5), "oldest");
    return shared;
}

// Every event once, newest first.
void check_walk(const std::vector<FailedWebhookEvent>& events, std::size_t expected) {
    REQUIRE(events.size() == expected);
    std::set<Uuid> ids;
    for (std::size_t i = 0; i < events.size(); ++i) {
        ids.insert(events[i].id);
        if (i > 0) CHECK(events[i - 1].created_at >= events[i].created_at);
    }
    CHECK(ids.size() == expected);
}

}  // namespace

TEST_CASE("failed events sharing a boundary timestamp are walked once each", "[integration][webhooks][paging]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto hooks = client.webhooks();
            auto webhook = co_await hooks.create_webhook("https://example.com/failed");
            const auto now = now_micros();
            const auto shared = add_nine_failed(server, webhook.id, now);

            const std::vector<int> limits{1, 2, 3, 4, 100};
            for (int limit : limits) {
                INFO("limit " << limit);
                auto events = co_await collect(hooks.iterate_failed_webhook_events(webhook.id, limit));
                check_walk(events, 9);
                CHECK(link_of(events.front()) == "newest");
                CHECK(link_of(events.back()) == "oldest");
                std::set<std::string> ties;
                for (const auto& e : events)
                    if (e.created_at == shared) ties.insert(link_of(e));
                CHECK(ties.size() == 5);
            }
        });
    });
}

TEST_CASE("failed-events walk: pages of the asked size, max_items, empty list", "[integration][webhooks][paging]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto hooks = client.webhooks();
            auto webhook = co_await hooks.create_webhook("https://example.com/failed");

            auto before = server.stats().requests;
            auto none = co_await collect(hooks.iterate_failed_webhook_events(webhook.id));
            CHECK(none.empty());
            CHECK(server.stats().requests - before == 1);

            const auto now = now_micros();
            for (int i = 0; i < 7; ++i) add_failed(server, webhook.id, now - std::chrono::minutes(10 * (i + 1)), std::to_string(i));

            std::vector<std::size_t> sizes;
            auto all = co_await collect(hooks.iterate_failed_webhook_events(webhook.id, 3), &sizes);
            check_walk(all, 7);
            // At most 3 per page; after the first, a page repeats the boundary event the walk
            // then skips, so later pages bring up to 2 new ones.
            for (auto size : sizes) CHECK((size >= 1 && size <= 3));
            CHECK(link_of(all[0]) == "0");
            CHECK(link_of(all[6]) == "6");

            before = server.stats().requests;
            auto capped = co_await collect(hooks.iterate_failed_webhook_events(webhook.id, 3, 4));
            REQUIRE(capped.size() == 4);
            CHECK(link_of(capped[3]) == "3");
            CHECK(server.stats().requests - before == 2);

            // Item by item, lazily: one request for the first three.
            before = server.stats().requests;
            auto pages = hooks.iterate_failed_webhook_events(webhook.id, 3);
            for (int i = 0; i < 3; ++i) {
                auto event = co_await pages.next();
                REQUIRE(event);
                CHECK(link_of(*event) == std::to_string(i));
            }
            CHECK(server.stats().requests - before == 1);

            // A bad page size fails when the walk starts, before anything is sent.
            before = server.stats().requests;
            auto too_small = hooks.iterate_failed_webhook_events(webhook.id, 0);
            co_await revolut::test::expect_error(too_small.next_page(), Errc::invalid_argument);
            auto too_large = hooks.iterate_failed_webhook_events(webhook.id, 1001);
            co_await revolut::test::expect_error(too_large.next_page(), Errc::invalid_argument);
            CHECK(server.stats().requests == before);
        });
    });
}

TEST_CASE("a failed-events walk from a created_before returns only older events, each once",
          "[integration][webhooks][paging]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto hooks = client.webhooks();
            auto webhook = co_await hooks.create_webhook("https://example.com/failed");
            const auto now = now_micros();
            const auto shared = add_nine_failed(server, webhook.id, now);

            // Between "second" and the five ties: the ties and the two older events.
            const Timestamp middle = now - std::chrono::minutes(150);
            const std::vector<int> limits{1, 2, 3, 100};
            for (int limit : limits) {
                INFO("limit " << limit);
                auto pages = hooks.iterate_failed_webhook_events(webhook.id, limit, middle);
                auto events = co_await collect(std::move(pages));
                check_walk(events, 7);
                std::set<std::string> links;
                for (const auto& e : events) {
                    CHECK(e.created_at < middle);
                    links.insert(link_of(e));
                }
                const std::set<std::string> expected{"tie-0", "tie-1", "tie-2", "tie-3", "tie-4", "older", "oldest"};
                CHECK(links == expected);
                CHECK(link_of(events.back()) == "oldest");
            }

            // created_before is exclusive, also on a timestamp several events share; given
            // as ISO-8601 text in another zone, it means the same instant.
            auto local = format_timestamp(shared + std::chrono::hours(2));
            local.pop_back();  // the 'Z'
            local += "+02:00";
            const std::vector<CreatedBefore> starts{CreatedBefore{shared}, CreatedBefore{local}};
            for (const auto& start : starts) {
                auto pages = hooks.iterate_failed_webhook_events(webhook.id, 1, start);
                auto events = co_await collect(std::move(pages));
                check_walk(events, 2);
                CHECK(link_of(events[0]) == "older");
                CHECK(link_of(events[1]) == "oldest");
            }

            // With max_items: the newest three before the start.
            auto capped_pages = hooks.iterate_failed_webhook_events(webhook.id, 2, middle, 3);
            auto capped = co_await collect(std::move(capped_pages));
            check_walk(capped, 3);
            for (const auto& e : capped) CHECK(e.created_at == shared);

            // Nothing older than the oldest: one request, no events.
            auto before = server.stats().requests;
            auto none_pages = hooks.iterate_failed_webhook_events(webhook.id, 10, now - std::chrono::hours(5));
            auto none = co_await collect(std::move(none_pages));
            CHECK(none.empty());
            CHECK(server.stats().requests - before == 1);

            // Text that is not a timestamp is refused when the walk is set up, before sending.
            before = server.stats().requests;
            CHECK_THROWS_AS(hooks.iterate_failed_webhook_events(webhook.id, 10, CreatedBefore{std::string("last week")}),
                            Error);
            CHECK(server.stats().requests == before);
        });
    });
}
