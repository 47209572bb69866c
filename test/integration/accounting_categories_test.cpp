// The five Accounting categories methods against revolut-mock over real TLS, with cursor
// paging across pages.
#include "accounting_support.hpp"
#include "support/mock_client.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/api/accounting_categories.hpp>
#include <revolut/api/tax_rates.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace revolut;
namespace asio = boost::asio;
namespace http = boost::beast::http;
using revolut::test::collect;
using revolut::test::expect_api_error;
using revolut::test::run_async;

TEST_CASE("accounting categories: create, get, update, delete", "[integration][accounting_categories]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.accounting_categories();
            auto vat = co_await client.tax_rates().create_tax_rate("VAT", Decimal(20));
            auto created = co_await api.create_accounting_category("Transportation", "400", vat.id);

            auto category = co_await api.get_accounting_category(created.id);
            CHECK(category.id == created.id);
            CHECK(category.name == "Transportation");
            CHECK(category.code == "400");
            CHECK(category.default_tax_rate_id == vat.id);
            CHECK(category.updated_at == category.created_at);

            co_await api.update_accounting_category(created.id, std::string("Travel"));
            auto renamed = co_await api.get_accounting_category(created.id);
            CHECK(renamed.name == "Travel");
            CHECK(renamed.code == "400");  // untouched
            CHECK(renamed.default_tax_rate_id == vat.id);
            CHECK(renamed.updated_at >= category.updated_at);

            auto reduced = co_await client.tax_rates().create_tax_rate("Reduced", Decimal::parse("5.5"));
            co_await api.update_accounting_category(created.id, std::nullopt, std::string("410"), reduced.id);
            auto recoded = co_await api.get_accounting_category(created.id);
            CHECK(recoded.name == "Travel");
            CHECK(recoded.code == "410");
            CHECK(recoded.default_tax_rate_id == reduced.id);

            auto plain = co_await api.create_accounting_category("Office supplies", "420");
            auto without_rate = co_await api.get_accounting_category(plain.id);
            CHECK_FALSE(without_rate.default_tax_rate_id);

            co_await api.delete_accounting_category(created.id);
            auto gone = co_await expect_api_error(api.get_accounting_category(created.id), Errc::not_found);
            CHECK(gone.status() == 404);
            CHECK(gone.api_code() == 3006);
            auto again = co_await expect_api_error(api.delete_accounting_category(created.id), Errc::not_found);
            CHECK(again.api_code() == 3006);
            co_await expect_api_error(api.update_accounting_category(created.id, std::string("X")), Errc::not_found);
            auto rest = co_await api.get_all_accounting_categories();
            REQUIRE(rest.items.size() == 1);
            CHECK(rest.items[0].id == plain.id);
        });
    });
}

TEST_CASE("accounting categories: names and codes are unique, the tax rate must exist",
          "[integration][accounting_categories]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.accounting_categories();
            auto first = co_await api.create_accounting_category("Utilities", "499");
            auto second = co_await api.create_accounting_category("Meals", "500");
            auto same_name = co_await expect_api_error(api.create_accounting_category("Utilities", "501"), Errc::conflict);
            CHECK(same_name.status() == 409);
            CHECK(same_name.api_code() == 3503);
            auto same_code = co_await expect_api_error(api.create_accounting_category("Rent", "499"), Errc::conflict);
            CHECK(same_code.api_code() == 3504);
            auto rename = co_await expect_api_error(api.update_accounting_category(second.id, std::string("Utilities")),
                                                    Errc::conflict);
            CHECK(rename.api_code() == 3503);
            // Keeping its own name or code is no conflict.
            co_await api.update_accounting_category(first.id, std::string("Utilities"), std::string("499"));

            const Uuid missing_rate{"e6b84ddb-a127-466b-9a0a-501bda07773f"};
            auto no_rate = co_await expect_api_error(api.create_accounting_category("Rent", "600", missing_rate),
                                                     Errc::unprocessable_entity);
            CHECK(no_rate.status() == 422);
            auto page = co_await api.get_all_accounting_categories();
            CHECK(page.items.size() == 2);  // nothing was created by the refused calls
        });
    });
}

TEST_CASE("accounting categories: pages newest first, the last page without a token",
          "[integration][accounting_categories]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.accounting_categories();
            auto empty = co_await api.get_all_accounting_categories();
            CHECK(empty.items.empty());
            CHECK_FALSE(empty.next_page_token);
            auto nothing = co_await collect(api.iterate_accounting_categories(2));
            CHECK(nothing.empty());

            std::vector<Uuid> created;  // oldest first
            for (int i = 0; i < 7; ++i) {
                auto made = co_await api.create_accounting_category("Category " + std::to_string(i),
                                                                    std::to_string(100 + i));
                created.push_back(made.id);
            }

            // By hand: 3 + 3 + 1, newest first, a token on every page but the last.
            std::vector<Uuid> seen;
            std::optional<std::string> token;
            std::vector<std::size_t> sizes;
            do {
                auto page = co_await api.get_all_accounting_categories(3, token);
                sizes.push_back(page.items.size());
                for (const auto& c : page.items) seen.push_back(c.id);
                token = page.next_page_token;
            } while (token);
            CHECK(sizes == std::vector<std::size_t>{3, 3, 1});
            REQUIRE(seen.size() == 7);
            CHECK(std::equal(seen.begin(), seen.end(), created.rbegin()));

            // A list that ends exactly on a page boundary: the full last page has no token.
            auto first = co_await api.get_all_accounting_categories(7);
            CHECK(first.items.size() == 7);
            CHECK_FALSE(first.next_page_token);

            std::vector<std::size_t> walk_sizes;
            auto walked = co_await collect(api.iterate_accounting_categories(3), &walk_sizes);
            CHECK(walk_sizes == std::vector<std::size_t>{3, 3, 1});
            REQUIRE(walked.size() == 7);
            std::set<Uuid> unique;
            for (const auto& c : walked) unique.insert(c.id);
            CHECK(unique.size() == 7);
            CHECK(walked.front().id == created.back());

            // max_items stops the walk without asking for pages it does not need.
            const auto before = server.stats().requests;
            auto capped = co_await collect(api.iterate_accounting_categories(3, 4));
            CHECK(capped.size() == 4);
            CHECK(server.stats().requests - before == 2);
            CHECK(capped[3].id == walked[3].id);
        });
    });
}

TEST_CASE("accounting categories: bad page requests are refused with the spec's ErrorWithId body",
          "[integration][accounting_categories]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        revolut::test::MockHarness h(ioc);
        co_await h.client.connect();
        auto made = co_await h.call(http::verb::post, "/api/1.0/accounting-categories", R"({"name":"A","code":"1"})");
        REQUIRE(made.result_int() == 201);
        CHECK(boost::json::parse(made.body()).as_object().size() == 1);  // only the id
        const std::vector<std::string> queries{"?page_token=not-a-token", "?page_token=", "?limit=0", "?limit=501",
                                               "?limit=ten", "?limit=1&limit=2",
                                               "?page_token=dGF4LXJhdGVzOjE"};  // a tax-rates token
        for (const auto& query : queries) {
            INFO(query);
            auto response = co_await h.call(http::verb::get, "/api/1.0/accounting-categories" + query);
            REQUIRE(response.result_int() == 400);
            auto body = boost::json::parse(response.body()).as_object();
            CHECK(body.at("code") == 2101);
            CHECK(body.at("error_id").is_string());
            CHECK(body.at("message").is_string());
        }
        auto missing = co_await h.call(http::verb::post, "/api/1.0/accounting-categories", R"({"name":"B"})");
        CHECK(missing.result_int() == 400);
        CHECK(boost::json::parse(missing.body()).at("message") == "'code' is required");
        auto not_json = co_await h.call(http::verb::post, "/api/1.0/accounting-categories", "{");
        CHECK(not_json.result_int() == 400);
        auto bad_id = co_await h.call(http::verb::get, "/api/1.0/accounting-categories/123");
        CHECK(bad_id.result_int() == 400);
        auto empty_patch = co_await h.call(http::verb::patch,
                                           "/api/1.0/accounting-categories/" +
                                               std::string(boost::json::parse(made.body()).at("id").as_string()),
                                           "{}");
        CHECK(empty_patch.result_int() == 400);
    });
}

TEST_CASE("accounting categories: raw JSON and client-side checks", "[integration][accounting_categories]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto raw = client.accounting_categories(revolut::raw);
            boost::json::value created = co_await raw.create_accounting_category("Software", "420");
            REQUIRE(created.is_object());
            Uuid id{created.at("id").as_string()};
            boost::json::value page = co_await raw.get_all_accounting_categories(1);
            REQUIRE(page.is_object());
            REQUIRE(page.at("accounting_categories").as_array().size() == 1);
            CHECK(page.at("accounting_categories").as_array()[0].at("code") == "420");
            CHECK_FALSE(page.as_object().contains("next_page_token"));
            boost::json::value updated = co_await raw.update_accounting_category(id, std::string("Apps"));
            CHECK(updated == boost::json::object{});

            const auto before = server.stats().requests;
            co_await revolut::test::expect_error(client.accounting_categories().get_all_accounting_categories(501),
                                                 Errc::invalid_argument);
            co_await revolut::test::expect_error(
                client.accounting_categories().create_accounting_category(std::string(61, 'x'), "1"),
                Errc::invalid_argument);
            CHECK(server.stats().requests == before);
        });
    });
}
