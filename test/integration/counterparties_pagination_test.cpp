// iterate_counterparties against revolut-mock: every counterparty once, newest first, across
// page boundaries, including counterparties that share one created_at.
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/counterparties.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/json/object.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::run_async;

namespace {

// Seeds a UK business counterparty created at `created_at`; returns its id.
Uuid seed_counterparty(mock::Server& server, const std::string& name, int account, Timestamp created_at) {
    boost::json::object data{{"company_name", name},
                             {"bank_country", "GB"},
                             {"currency", "GBP"},
                             {"account_no", std::to_string(10000000 + account)},
                             {"sort_code", "540105"},
                             {"created_at", format_timestamp(created_at)}};
    auto made = server.seed("counterparty", data);
    return Uuid(made.at("id").as_string());
}

// 3 counterparties at t0, 2 at t1 and one each at t2, t3, t4 (newest), older to newer.
std::vector<Uuid> seed_nine_at_five_times(mock::Server& server, Timestamp base) {
    const std::vector<int> minutes{0, 0, 0, 1, 1, 2, 3, 3, 4};
    std::vector<Uuid> ids;
    for (std::size_t i = 0; i < minutes.size(); ++i) {
        ids.push_back(seed_counterparty(server, "Supplier " + std::to_string(i) + " Ltd", static_cast<int>(i),
                                        base + std::chrono::minutes(minutes[i])));
    }
    return ids;
}

Timestamp an_hour_ago() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()) -
           std::chrono::hours(1);
}

}  // namespace

TEST_CASE("iterate_counterparties walks every page once, ties included", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto ids = seed_nine_at_five_times(server, an_hour_ago());
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            for (int page_size : {1, 2, 3, 4, 9, 100}) {
                INFO("page size " << page_size);
                auto pages = client.counterparties().iterate_counterparties({}, std::nullopt, page_size);
                std::vector<Counterparty> seen;
                while (auto page = co_await pages.next_page()) {
                    CHECK_FALSE(page->empty());
                    for (auto& c : *page) seen.push_back(std::move(c));
                }
                REQUIRE(seen.size() == ids.size());
                std::set<Uuid> unique;
                for (const auto& c : seen) unique.insert(c.id);
                CHECK(unique.size() == ids.size());  // none repeated, none lost
                for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i - 1].created_at >= seen[i].created_at);
                CHECK(seen.front().id == ids.back());  // newest first
                auto again = co_await pages.next_page();
                CHECK_FALSE(again);  // the walk stays over
            }
        });
    });
}

TEST_CASE("iterate_counterparties honours filters, created_before and max_items", "[integration][counterparties]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto base = an_hour_ago();
        auto ids = seed_nine_at_five_times(server, base);
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.counterparties();
            // Only the first three items, item by item.
            auto capped = api.iterate_counterparties({}, std::nullopt, 2, 3);
            std::vector<Uuid> first_three;
            while (auto c = co_await capped.next()) first_three.push_back(c->id);
            CHECK(first_three == std::vector<Uuid>{ids[8], ids[7], ids[6]});

            // Strictly before t3: the six older ones.
            auto older = api.iterate_counterparties({}, CreatedBefore(base + std::chrono::minutes(3)), 2);
            std::set<Uuid> older_ids;
            while (auto page = co_await older.next_page())
                for (const auto& c : *page) older_ids.insert(c.id);
            CHECK(older_ids == std::set<Uuid>(ids.begin(), ids.begin() + 6));

            CounterpartyFilter one;
            one.name = "Supplier 4";
            auto filtered = api.iterate_counterparties(one, std::nullopt, 1);
            auto only = co_await filtered.next_page();
            REQUIRE(only);
            REQUIRE(only->size() == 1);
            CHECK((*only)[0].id == ids[4]);
            auto end = co_await filtered.next_page();
            CHECK_FALSE(end);

            CounterpartyFilter none;
            none.name = "nobody";
            auto empty = api.iterate_counterparties(none);
            auto nothing = co_await empty.next_page();
            CHECK_FALSE(nothing);  // an empty first page ends the walk

            CHECK_THROWS_AS(api.iterate_counterparties({}, std::nullopt, 1001), Error);
        });
    });
}
