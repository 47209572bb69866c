#pragma once
// Request building and JSON reading shared by the accounting settings groups (accounting
// categories, tax rates, labels): cursor queries, name checks, path ids, cursor pages.

#include <revolut/api/accounting_common.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include "api/json_fields.hpp"
#include "api/target.hpp"

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace revolut::api::accounting {

/// Throws Errc::invalid_argument with `what`.
[[noreturn]] void invalid(const std::string& what);

/// `limit` (1..500) and `page_token` (not empty) as query parameters, only those given.
QueryParams cursor_query(std::optional<int> limit, const std::optional<std::string>& page_token);

/// Checks that `value` has 1..max_chars characters (UTF-8 code points, as the API counts).
void check_length(std::string_view field, std::string_view value, std::size_t max_chars);

/// The path segment of a resource ID; the nil UUID is refused.
std::string id_segment(const Uuid& id, std::string_view what);

/// A cursor list response: `{"next_page_token": ..., "<items_key>": [...]}`.
template <class T>
CursorPage<T> read_cursor_page(const boost::json::value& v, std::string_view items_key) {
    const auto& o = as_object(v, "page");
    CursorPage<T> page;
    for (const auto& item : required_array(o, items_key)) page.items.push_back(boost::json::value_to<T>(item));
    page.next_page_token = optional_string(o, "next_page_token");
    if (page.next_page_token && page.next_page_token->empty()) page.next_page_token.reset();
    return page;
}

}  // namespace revolut::api::accounting
