#pragma once
// What the accounting settings groups (accounting categories, tax rates, labels) share:
// the answer of their create calls and their cursor paging limits.

#include <revolut/detail/api_call.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace revolut {

/// The answer of a create call (spec `ResourceCreatedResponse`): only the new ID; fetch the
/// resource with it for the other fields.
struct ResourceCreated {
    Uuid id;
};

namespace detail::accounting {
/// Page sizes of the accounting lists: `limit` 1..500, server default 100.
inline constexpr int max_page_limit = 500;
inline constexpr int default_page_limit = 100;

/// One page of a cursor list through the client's call path; `build(page_token)` describes it.
template <class T, class Build>
boost::asio::awaitable<CursorPage<T>> fetch_page(std::shared_ptr<ClientCore> core, Build build,
                                                 std::optional<std::string> page_token) {
    // Named first: GCC 12 may destroy a lambda temporary of a co_await expression twice.
    auto describe = [build = std::move(build), page_token = std::move(page_token)] { return build(page_token); };
    co_return co_await start<CursorPage<T>>(core, std::move(describe), boost::asio::use_awaitable);
}

/// Every page of a cursor list, lazily: `build(page_token)` describes the request of a page.
template <class T, class Build>
Pages<T> cursor_walk(std::shared_ptr<ClientCore> core, Build build, std::optional<std::size_t> max_items) {
    CursorFetch<T> fetch = [core = std::move(core), build = std::move(build)](std::optional<std::string> token) {
        return fetch_page<T>(core, build, std::move(token));
    };
    return cursor_pages<T>(std::move(fetch), std::nullopt, max_items);
}
}  // namespace detail::accounting

}  // namespace revolut
