// The five Tax rates methods against revolut-mock over real TLS: exact percentages, unique
// names, cursor paging across pages.
#include "accounting_support.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/tax_rates.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::collect;
using revolut::test::expect_api_error;
using revolut::test::run_async;

TEST_CASE("tax rates: create, get, rename, delete, percentages stay exact", "[integration][tax_rates]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.tax_rates();
            auto created = co_await api.create_tax_rate("Import Duty", Decimal::parse("12.75"));
            auto rate = co_await api.get_tax_rate(created.id);
            CHECK(rate.id == created.id);
            CHECK(rate.name == "Import Duty");
            REQUIRE(rate.percentage);
            CHECK(rate.percentage->to_string() == "12.75");

            // A value a double cannot hold exactly comes back with the same digits.
            auto tenth = co_await api.create_tax_rate("Tenth", Decimal::parse("0.1"));
            auto tenth_rate = co_await api.get_tax_rate(tenth.id);
            CHECK(tenth_rate.percentage == Decimal::parse("0.1"));
            auto raw_rate = co_await client.request(boost::beast::http::verb::get, "/1.0/tax-rates/" + tenth.id.to_string());
            CHECK(raw_rate.at("percentage").is_double());  // raw JSON: a plain number

            co_await api.update_tax_rate(created.id, "Import Duty 2026");
            auto renamed = co_await api.get_tax_rate(created.id);
            CHECK(renamed.name == "Import Duty 2026");
            CHECK(renamed.percentage == Decimal::parse("12.75"));  // untouched
            CHECK(renamed.updated_at >= rate.updated_at);

            co_await api.delete_tax_rate(created.id);
            auto gone = co_await expect_api_error(api.get_tax_rate(created.id), Errc::not_found);
            CHECK(gone.api_code() == 3006);
            co_await expect_api_error(api.delete_tax_rate(created.id), Errc::not_found);
            co_await expect_api_error(api.update_tax_rate(created.id, "X"), Errc::not_found);
        });
    });
}

TEST_CASE("tax rates: names are unique, the server checks the percentage too", "[integration][tax_rates]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.tax_rates();
            auto vat = co_await api.create_tax_rate("VAT", Decimal(20));
            auto reduced = co_await api.create_tax_rate("Reduced", Decimal(5));
            auto duplicate = co_await expect_api_error(api.create_tax_rate("VAT", Decimal(7)), Errc::conflict);
            CHECK(duplicate.api_code() == 3505);
            auto rename = co_await expect_api_error(api.update_tax_rate(reduced.id, "VAT"), Errc::conflict);
            CHECK(rename.api_code() == 3505);
            co_await api.update_tax_rate(vat.id, "VAT");  // its own name: no conflict

            // Out-of-range percentages sent around the client's checks.
            boost::json::object too_high{{"name", "High"}, {"percentage", 100.5}};
            auto high = co_await expect_api_error(
                client.request(boost::beast::http::verb::post, "/1.0/tax-rates", boost::json::value(too_high)),
                Errc::bad_request);
            CHECK(high.api_code() == 2101);
            CHECK(high.api_message() == "'percentage' must be at most 100");
            boost::json::object no_percentage{{"name", "None"}};
            auto missing = co_await expect_api_error(
                client.request(boost::beast::http::verb::post, "/1.0/tax-rates", boost::json::value(no_percentage)),
                Errc::bad_request);
            CHECK(missing.api_message() == "'percentage' is required");
            auto page = co_await api.get_all_tax_rates();
            CHECK(page.items.size() == 2);
        });
    });
}

TEST_CASE("tax rates: walking pages, empty list, max_items", "[integration][tax_rates]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.tax_rates();
            auto none = co_await collect(api.iterate_tax_rates());
            CHECK(none.empty());

            std::vector<Uuid> created;
            for (int i = 0; i < 5; ++i) {
                auto made = co_await api.create_tax_rate("Rate " + std::to_string(i), Decimal(i));
                created.push_back(made.id);
            }
            auto first = co_await api.get_all_tax_rates(2);
            REQUIRE(first.items.size() == 2);
            REQUIRE(first.next_page_token);
            CHECK(first.items[0].id == created[4]);
            auto second = co_await api.get_all_tax_rates(2, first.next_page_token);
            REQUIRE(second.items.size() == 2);
            CHECK(second.items[0].id == created[2]);
            auto last = co_await api.get_all_tax_rates(2, second.next_page_token);
            REQUIRE(last.items.size() == 1);
            CHECK(last.items[0].id == created[0]);
            CHECK_FALSE(last.next_page_token);

            // A deleted item does not disturb a walk in progress: the token marks a position.
            co_await api.delete_tax_rate(created[2]);
            auto resumed = co_await api.get_all_tax_rates(2, first.next_page_token);
            REQUIRE(resumed.items.size() == 2);
            CHECK(resumed.items[0].id == created[1]);
            CHECK(resumed.items[1].id == created[0]);
            CHECK_FALSE(resumed.next_page_token);

            std::vector<std::size_t> sizes;
            auto all = co_await collect(api.iterate_tax_rates(3), &sizes);
            CHECK(sizes == std::vector<std::size_t>{3, 1});
            REQUIRE(all.size() == 4);
            CHECK(all[0].percentage == Decimal(4));
            CHECK(all[3].percentage == Decimal(0));
            auto two = co_await collect(api.iterate_tax_rates(std::nullopt, 2));
            CHECK(two.size() == 2);
            auto zero = co_await collect(api.iterate_tax_rates(std::nullopt, 0));
            CHECK(zero.empty());

            auto bad = co_await expect_api_error(api.get_all_tax_rates(2, std::string("bm9wZQ")), Errc::bad_request);
            CHECK(bad.api_code() == 2101);
        });
    });
}
