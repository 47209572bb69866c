// The nine Labels methods against revolut-mock over real TLS: label groups with their labels,
// unique names, the five-group limit, cursor paging across pages.
#include "accounting_support.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/labels.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::collect;
using revolut::test::expect_api_error;
using revolut::test::run_async;

namespace {

template <class T>
std::vector<std::string> names_of(const std::vector<T>& items) {
    std::vector<std::string> names;
    for (const auto& item : items) names.push_back(item.name);
    return names;
}

}  // namespace

TEST_CASE("label groups: create with labels, get, rename, delete", "[integration][labels]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.labels();
            std::vector<std::string> departments{"Sales", "Engineering", "Operations"};
            auto created = co_await api.create_label_group("Department", departments);
            auto group = co_await api.get_label_group(created.id);
            CHECK(group.id == created.id);
            CHECK(group.name == "Department");

            auto labels = co_await api.get_all_labels(created.id);
            auto names = names_of(labels.items);
            std::sort(names.begin(), names.end());
            CHECK(names == std::vector<std::string>{"Engineering", "Operations", "Sales"});
            CHECK_FALSE(labels.next_page_token);

            co_await api.update_label_group(created.id, "Departments");
            auto renamed = co_await api.get_label_group(created.id);
            CHECK(renamed.name == "Departments");
            CHECK(renamed.updated_at >= group.updated_at);

            auto groups = co_await api.get_all_label_groups();
            REQUIRE(groups.items.size() == 1);
            CHECK(groups.items[0].name == "Departments");

            co_await api.delete_label_group(created.id);
            auto gone = co_await expect_api_error(api.get_label_group(created.id), Errc::not_found);
            CHECK(gone.api_code() == 3006);
            // Its labels went with it.
            co_await expect_api_error(api.get_all_labels(created.id), Errc::not_found);
            co_await expect_api_error(api.delete_label_group(created.id), Errc::not_found);
            co_await expect_api_error(api.update_label_group(created.id, "X"), Errc::not_found);
            auto none = co_await api.get_all_label_groups();
            CHECK(none.items.empty());
        });
    });
}

TEST_CASE("labels: create, list, rename, delete within a group", "[integration][labels]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.labels();
            std::vector<std::string> first_labels{"Alpha"};
            auto group = co_await api.create_label_group("Project", first_labels);
            auto beta = co_await api.create_label(group.id, "Beta");
            auto listed = co_await api.get_all_labels(group.id);
            REQUIRE(listed.items.size() == 2);
            CHECK(listed.items[0].id == beta.id);  // newest first
            CHECK(listed.items[0].name == "Beta");
            CHECK(listed.items[1].name == "Alpha");

            co_await api.update_label(group.id, beta.id, "Gamma");
            auto after_rename = co_await api.get_all_labels(group.id);
            CHECK(after_rename.items[0].name == "Gamma");

            auto duplicate = co_await expect_api_error(api.create_label(group.id, "Alpha"), Errc::conflict);
            CHECK(duplicate.api_code() == 3506);
            co_await expect_api_error(api.update_label(group.id, beta.id, "Alpha"), Errc::conflict);
            // The same name in another group is fine.
            std::vector<std::string> other_labels{"Alpha"};
            auto other = co_await api.create_label_group("Client", other_labels);

            co_await api.delete_label(group.id, beta.id);
            auto after_delete = co_await api.get_all_labels(group.id);
            REQUIRE(after_delete.items.size() == 1);
            CHECK(after_delete.items[0].name == "Alpha");
            auto gone = co_await expect_api_error(api.delete_label(group.id, beta.id), Errc::not_found);
            CHECK(gone.api_code() == 3006);
            co_await expect_api_error(api.update_label(group.id, beta.id, "Delta"), Errc::not_found);
            // A label is only reachable through its own group.
            co_await expect_api_error(api.delete_label(other.id, after_delete.items[0].id), Errc::not_found);
        });
    });
}

TEST_CASE("label groups: unique names and at most five per business", "[integration][labels]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.labels();
            std::vector<std::string> labels{"One"};
            std::vector<Uuid> groups;
            for (int i = 0; i < 5; ++i) {
                auto made = co_await api.create_label_group("Group " + std::to_string(i), labels);
                groups.push_back(made.id);
            }
            auto sixth = co_await expect_api_error(api.create_label_group("Group 5", labels),
                                                   Errc::unprocessable_entity);
            CHECK(sixth.api_code() == 3591);
            co_await api.delete_label_group(groups[0]);
            auto duplicate = co_await expect_api_error(api.create_label_group("Group 1", labels), Errc::conflict);
            CHECK(duplicate.api_code() == 3506);
            co_await expect_api_error(api.update_label_group(groups[2], "Group 1"), Errc::conflict);
            co_await api.create_label_group("Group 5", labels);  // room again after the delete

            std::vector<std::string> repeated{"Same", "Same"};
            co_await expect_api_error(api.create_label_group("Repeats", repeated), Errc::conflict);
        });
    });
}

TEST_CASE("label groups and labels: walking pages, empty lists, max_items", "[integration][labels]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.session([&]() -> asio::awaitable<void> {
            auto api = client.labels();
            auto no_groups = co_await collect(api.iterate_label_groups(2));
            CHECK(no_groups.empty());

            std::vector<std::string> one{"Only"};
            std::vector<Uuid> groups;
            for (int i = 0; i < 5; ++i) {
                auto made = co_await api.create_label_group("G" + std::to_string(i), one);
                groups.push_back(made.id);
            }
            std::vector<std::size_t> group_pages;
            auto all_groups = co_await collect(api.iterate_label_groups(2), &group_pages);
            CHECK(group_pages == std::vector<std::size_t>{2, 2, 1});
            CHECK(names_of(all_groups) == std::vector<std::string>{"G4", "G3", "G2", "G1", "G0"});

            // 250 labels: more than the largest page of a walk that asks for 100 at a time.
            std::vector<std::string> many;
            for (int i = 0; i < 200; ++i) many.push_back("L" + std::to_string(i));
            co_await api.delete_label_group(groups[0]);
            auto big = co_await api.create_label_group("Big", many);
            for (int i = 200; i < 250; ++i) co_await api.create_label(big.id, "L" + std::to_string(i));

            std::vector<std::size_t> label_pages;
            auto labels = co_await collect(api.iterate_labels(big.id, std::nullopt), &label_pages);
            CHECK(label_pages == std::vector<std::size_t>{100, 100, 50});  // server default page size
            REQUIRE(labels.size() == 250);
            std::set<Uuid> unique;
            for (const auto& label : labels) unique.insert(label.id);
            CHECK(unique.size() == 250);
            CHECK(labels.front().name == "L249");
            CHECK(labels.back().name == "L0");

            auto capped = co_await collect(api.iterate_labels(big.id, 500, 120));
            CHECK(capped.size() == 120);

            // A page token only continues the list it came from.
            auto first_page = co_await api.get_all_labels(big.id, 10);
            REQUIRE(first_page.next_page_token);
            auto other_group = co_await expect_api_error(
                api.get_all_labels(groups[1], 10, first_page.next_page_token), Errc::bad_request);
            CHECK(other_group.api_code() == 2101);
            co_await expect_api_error(api.get_all_label_groups(10, first_page.next_page_token), Errc::bad_request);

            auto empty_group_labels = co_await api.get_all_labels(groups[1]);
            CHECK(empty_group_labels.items.size() == 1);
        });
    });
}
