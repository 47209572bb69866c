// The page walkers against an in-memory list that pages like the API: newest first, an
// exclusive upper bound, at most `limit` items; and an opaque cursor.
#include "support/run_async.hpp"

#include <revolut/pagination.hpp>

#include <catch2/catch.hpp>

#include <set>

namespace revolut::test {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

struct Item {
    std::string id;
    Timestamp created_at;
};

const Timestamp epoch = Timestamp{} + std::chrono::hours(24 * 365 * 50);

// A server-side list, newest first; records every request's bound and limit.
struct FakeList {
    std::vector<Item> items;
    std::vector<std::pair<std::optional<Timestamp>, int>> requests;

    // `ages[i]` seconds before `epoch`, in ascending age (so newest first).
    static FakeList with_ages(const std::vector<int>& ages) {
        FakeList list;
        for (std::size_t i = 0; i < ages.size(); ++i)
            list.items.push_back({"item-" + std::to_string(i), epoch - std::chrono::seconds(ages[i])});
        return list;
    }

    std::vector<Item> page(std::optional<Timestamp> before, int limit) {
        requests.emplace_back(before, limit);
        std::vector<Item> out;
        for (const auto& item : items) {
            if (before && item.created_at >= *before) continue;
            if (static_cast<int>(out.size()) == limit) break;
            out.push_back(item);
        }
        return out;
    }

    Pages<Item> walk(int limit, int max_limit, std::optional<std::size_t> max_items = std::nullopt) {
        return detail::newest_first_pages<Item>(
            [this](std::optional<Timestamp> before, int n) -> asio::awaitable<std::vector<Item>> {
                co_return page(before, n);
            },
            detail::created_at_keys<Item>(), std::nullopt, limit, max_limit, max_items);
    }
};

std::vector<std::string> collect(Pages<Item>& pages) {
    std::vector<std::string> ids;
    run_async([&](asio::io_context&) -> asio::awaitable<void> {
        while (auto item = co_await pages.next()) ids.push_back(item->id);
    });
    return ids;
}

std::vector<std::string> ids_of(const FakeList& list) {
    std::vector<std::string> ids;
    for (const auto& item : list.items) ids.push_back(item.id);
    return ids;
}

}  // namespace

TEST_CASE("newest-first walk returns every item once, in order, and stops on a short page", "[pagination]") {
    std::vector<int> ages;
    for (int i = 0; i < 250; ++i) ages.push_back(i);
    auto list = FakeList::with_ages(ages);
    auto pages = list.walk(100, 1000);
    std::vector<std::size_t> sizes;
    run_async([&](asio::io_context&) -> asio::awaitable<void> {
        while (auto page = co_await pages.next_page()) sizes.push_back(page->size());
    });
    CHECK(sizes == std::vector<std::size_t>{100, 100, 50});
    CHECK(list.requests.size() == 3);  // 100 + 100 + 50: the short page is the last
    // The first asks for a page; the next ones for one more, the boundary item asked again.
    REQUIRE(list.requests.size() == 3);
    CHECK(list.requests[0].second == 100);
    CHECK(list.requests[1].second == 101);
    CHECK(list.requests[2].second == 101);
}

TEST_CASE("items sharing the boundary timestamp are neither lost nor repeated", "[pagination]") {
    // Pages of 4 cut through runs of equal timestamps.
    auto list = FakeList::with_ages({5, 5, 5, 6, 6, 6, 6, 6, 7, 8, 8, 9, 9, 9});
    auto pages = list.walk(4, 100);
    auto ids = collect(pages);
    CHECK(ids == ids_of(list));
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
}

TEST_CASE("a last page with nothing new, or an empty list, ends the walk", "[pagination]") {
    std::vector<int> ages;
    for (int i = 0; i < 20; ++i) ages.push_back(i);
    auto list = FakeList::with_ages(ages);
    auto pages = list.walk(10, 10);
    CHECK(collect(pages).size() == 20);
    CHECK(list.requests.size() == 3);  // 10, 10, then only the boundary item again

    FakeList empty;
    auto none = empty.walk(10, 10);
    CHECK(collect(none).empty());
    CHECK(empty.requests.size() == 1);
}

TEST_CASE("a run of one timestamp longer than a page is walked past, or fails clearly beyond the largest page", "[pagination]") {
    SECTION("the larger page gets past the run") {
        auto list = FakeList::with_ages({1, 1, 1, 1, 1, 2});
        auto pages = list.walk(3, 10);
        CHECK(collect(pages) == ids_of(list));
        // The second request asks for the 3 items already returned at the boundary too.
        REQUIRE(list.requests.size() >= 2);
        CHECK(list.requests[1].second == 6);
        for (const auto& request : list.requests) CHECK(request.second <= 10);
    }
    SECTION("more items share one timestamp than the largest page holds") {
        auto list = FakeList::with_ages({1, 1, 1, 1, 1, 1, 2});
        auto pages = list.walk(2, 4);
        try {
            collect(pages);
            FAIL("the walk should not silently skip items");
        } catch (const Error& e) {
            CHECK(e.code() == make_error_code(Errc::invalid_response));
        }
    }
}

TEST_CASE("max_items caps the walk without extra requests", "[pagination]") {
    std::vector<int> ages;
    for (int i = 0; i < 250; ++i) ages.push_back(i);
    auto list = FakeList::with_ages(ages);
    auto pages = list.walk(100, 1000, 120);
    auto ids = collect(pages);
    CHECK(ids.size() == 120);
    CHECK(ids.front() == "item-0");
    CHECK(list.requests.size() == 2);
}

TEST_CASE("pages are fetched lazily, one request per page asked for", "[pagination]") {
    std::vector<int> ages;
    for (int i = 0; i < 50; ++i) ages.push_back(i);
    auto list = FakeList::with_ages(ages);
    auto pages = list.walk(10, 10);
    std::size_t first_page_size = 0;
    run_async([&](asio::io_context&) -> asio::awaitable<void> {
        auto page = co_await pages.next_page();
        first_page_size = page ? page->size() : 0;
    });
    CHECK(first_page_size == 10);
    CHECK(list.requests.size() == 1);
}

TEST_CASE("cursor walk follows page tokens to the last page", "[pagination]") {
    std::vector<std::optional<std::string>> sent;
    auto fetch = [&](std::optional<std::string> token) -> asio::awaitable<CursorPage<int>> {
        sent.push_back(token);
        CursorPage<int> page;
        int start = token ? std::stoi(*token) : 0;
        for (int i = start; i < std::min(start + 3, 8); ++i) page.items.push_back(i);
        if (start + 3 < 8) page.next_page_token = std::to_string(start + 3);
        co_return page;
    };
    auto pages = detail::cursor_pages<int>(fetch, std::nullopt, std::nullopt);
    std::vector<int> all;
    run_async([&](asio::io_context&) -> asio::awaitable<void> {
        while (auto item = co_await pages.next()) all.push_back(*item);
    });
    CHECK(all == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7});
    CHECK(sent.size() == 3);
    CHECK_FALSE(sent.front().has_value());
}

TEST_CASE("cursor walk refuses a token that does not move", "[pagination]") {
    auto fetch = [](std::optional<std::string>) -> asio::awaitable<CursorPage<int>> {
        co_return CursorPage<int>{{1}, std::string("same")};
    };
    auto pages = detail::cursor_pages<int>(fetch, std::string("same"), std::nullopt);
    try {
        run_async([&](asio::io_context&) -> asio::awaitable<void> { co_await pages.next_page(); });
        FAIL("a repeated token should end the walk with an error, not loop");
    } catch (const Error& e) {
        CHECK(e.code() == make_error_code(Errc::invalid_response));
    }
}

}  // namespace revolut::test
