#pragma once
// Walking every page of a list lazily from a coroutine: one request per page, only when the
// caller asks for it, never the whole list in memory.
//
//   auto pages = client.transactions().iterate_transactions(query);
//   while (auto page = co_await pages.next_page())
//       for (const auto& t : *page) ...
//   // or item by item: while (auto t = co_await pages.next()) ...
//
// Two cursor styles from the Business API:
// - newest first with an exclusive upper bound on a timestamp (`to`, `created_before`):
//   the next page is asked for up to and *including* the oldest timestamp seen, and items
//   already returned at that timestamp are skipped, so items sharing the boundary
//   timestamp are neither lost nor repeated (the request asks for that many more items, so
//   a page still holds the page size);
// - an opaque `page_token` returned with each page until the last.

#include <revolut/error.hpp>
#include <revolut/types.hpp>

#include <boost/asio/awaitable.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace revolut {

/// One page of a cursor-paginated list; `next_page_token` is absent on the last page.
template <class T>
struct CursorPage {
    std::vector<T> items;
    std::optional<std::string> next_page_token;
};

/// A lazy walk over the pages of a list. Movable; each call sends at most one request.
template <class T>
class Pages {
public:
    using NextPage = std::function<boost::asio::awaitable<std::optional<std::vector<T>>>()>;

    explicit Pages(NextPage next_page) : next_page_(std::move(next_page)) {}

    /// The next non-empty page, or nullopt when the walk is over.
    boost::asio::awaitable<std::optional<std::vector<T>>> next_page() {
        if (!buffer_.empty()) {  // items left over from next()
            std::vector<T> rest(std::make_move_iterator(buffer_.begin()),
                                std::make_move_iterator(buffer_.end()));
            buffer_.clear();
            co_return rest;
        }
        co_return co_await next_page_();
    }

    /// The next item, or nullopt when the walk is over.
    boost::asio::awaitable<std::optional<T>> next() {
        if (buffer_.empty()) {
            auto page = co_await next_page_();
            if (!page) co_return std::nullopt;
            buffer_.assign(std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
        }
        T item = std::move(buffer_.front());
        buffer_.pop_front();
        co_return item;
    }

private:
    NextPage next_page_;
    std::deque<T> buffer_;
};

namespace detail {

/// Fetches one newest-first page: items created strictly before `before` (nullopt: the
/// caller's own bound), at most `limit` of them.
template <class T>
using NewestFirstFetch =
    std::function<boost::asio::awaitable<std::vector<T>>(std::optional<Timestamp> before, int limit)>;

/// How the walk reads an item's position: its timestamp (the one the bound applies to)
/// and an identity to recognise it on the next page.
template <class T>
struct PageKeys {
    std::function<Timestamp(const T&)> timestamp;
    std::function<std::string(const T&)> identity;
};

template <class T>
struct NewestFirstWalk {
    NewestFirstFetch<T> fetch;
    PageKeys<T> keys;
    std::optional<Timestamp> before;
    int limit = 100;
    int max_limit = 100;
    std::optional<std::size_t> remaining;  ///< items the caller still wants
    std::optional<Timestamp> boundary;     ///< oldest timestamp returned so far
    std::vector<std::string> boundary_ids;  ///< items returned at `boundary`
    bool done = false;

    bool seen(const T& item) const {
        return boundary && keys.timestamp(item) == *boundary &&
               std::find(boundary_ids.begin(), boundary_ids.end(), keys.identity(item)) !=
                   boundary_ids.end();
    }

    // Each request re-asks for the items already returned at the boundary timestamp, so it
    // asks for that many more than the page size: pages then hold `limit` new items, as the
    // caller asked, within the API's largest page.
    static boost::asio::awaitable<std::optional<std::vector<T>>> step(std::shared_ptr<NewestFirstWalk> self) {
        if (self->done) co_return std::nullopt;
        const int requested = static_cast<int>(
            std::min<std::size_t>(static_cast<std::size_t>(self->limit) + self->boundary_ids.size(),
                                  static_cast<std::size_t>(self->max_limit)));
        std::vector<T> items = co_await self->fetch(self->before, requested);
        const bool full = items.size() >= static_cast<std::size_t>(requested);

        std::vector<T> fresh;
        for (auto& item : items)
            if (!self->seen(item)) fresh.push_back(std::move(item));
        if (fresh.empty()) {
            self->done = true;
            // A full page of items already returned: more of them share one timestamp than
            // the largest page holds, and no bound can step past them.
            if (full)
                throw Error(make_error_code(Errc::invalid_response),
                            "more than " + std::to_string(self->max_limit) +
                                " items share one timestamp: the list cannot be paged past them");
            co_return std::nullopt;
        }
        self->advance(fresh);
        if (!full) self->done = true;
        if (self->remaining) {
            if (fresh.size() >= *self->remaining) {
                fresh.resize(*self->remaining);
                self->done = true;
            }
            *self->remaining -= fresh.size();
        }
        co_return fresh;
    }

    // The next bound includes the oldest timestamp returned (+1 µs, the API's precision);
    // `seen` then skips what was already returned at that timestamp.
    void advance(const std::vector<T>& fresh) {
        const Timestamp oldest = keys.timestamp(fresh.back());
        if (!boundary || *boundary != oldest) boundary_ids.clear();
        boundary = oldest;
        for (const auto& item : fresh)
            if (keys.timestamp(item) == oldest) boundary_ids.push_back(keys.identity(item));
        before = oldest + std::chrono::microseconds(1);
    }
};

template <class T>
using CursorFetch =
    std::function<boost::asio::awaitable<CursorPage<T>>(std::optional<std::string> page_token)>;

template <class T>
struct CursorWalk {
    CursorFetch<T> fetch;
    std::optional<std::string> token;
    std::optional<std::size_t> remaining;
    bool done = false;

    static boost::asio::awaitable<std::optional<std::vector<T>>> step(std::shared_ptr<CursorWalk> self) {
        while (!self->done) {
            CursorPage<T> page = co_await self->fetch(self->token);
            if (!page.next_page_token || page.next_page_token->empty()) {
                self->done = true;
            } else if (page.next_page_token == self->token) {
                throw Error(make_error_code(Errc::invalid_response),
                            "the server returned the same page token twice");
            }
            self->token = std::move(page.next_page_token);
            if (page.items.empty()) continue;  // an empty page with a cursor: keep going
            if (self->remaining) {
                if (page.items.size() >= *self->remaining) {
                    page.items.resize(*self->remaining);
                    self->done = true;
                }
                *self->remaining -= page.items.size();
            }
            co_return std::move(page.items);
        }
        co_return std::nullopt;
    }
};

/// Pages of a newest-first list bounded by an exclusive timestamp. `limit` is the page
/// size (new items per page), `max_limit` the largest page the API accepts, `max_items` an optional cap
/// on the items returned in all.
template <class T>
Pages<T> newest_first_pages(NewestFirstFetch<T> fetch, PageKeys<T> keys, std::optional<Timestamp> before,
                            int limit, int max_limit, std::optional<std::size_t> max_items) {
    auto walk = std::make_shared<NewestFirstWalk<T>>();
    walk->fetch = std::move(fetch);
    walk->keys = std::move(keys);
    walk->before = before;
    walk->limit = limit;
    walk->max_limit = std::max(limit, max_limit);
    walk->remaining = max_items;
    walk->done = max_items && *max_items == 0;
    return Pages<T>([walk] { return NewestFirstWalk<T>::step(walk); });
}

/// The usual keys: `created_at` and `id` (a Uuid or a string).
template <class T>
PageKeys<T> created_at_keys() {
    return {[](const T& item) { return item.created_at; },
            [](const T& item) {
                if constexpr (requires { item.id.to_string(); }) return item.id.to_string();
                else return std::string(item.id);
            }};
}

/// Pages of a list paged by an opaque `page_token`, starting from `token`.
template <class T>
Pages<T> cursor_pages(CursorFetch<T> fetch, std::optional<std::string> token,
                      std::optional<std::size_t> max_items) {
    auto walk = std::make_shared<CursorWalk<T>>();
    walk->fetch = std::move(fetch);
    walk->token = std::move(token);
    walk->remaining = max_items;
    walk->done = max_items && *max_items == 0;
    return Pages<T>([walk] { return CursorWalk<T>::step(walk); });
}

}  // namespace detail
}  // namespace revolut
