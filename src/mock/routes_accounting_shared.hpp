#pragma once
// What the accounting settings routes (accounting categories, tax rates, labels) share:
// their `ErrorWithId` error bodies, body field checks with the spec's messages, and cursor
// paging with opaque, deterministic page tokens.
//
// Page tokens are base64url of "<scope>:<sequence>", where sequence is the creation number
// of the last item returned: the next page starts after it in newest-first order, so
// deleting or adding items between requests neither repeats nor skips the remaining ones.

#include "mock/http_message.hpp"
#include "mock/router.hpp"

#include <revolut/money.hpp>
#include <revolut/types.hpp>

#include <boost/beast/http/status.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace revolut::mock::accounting_http {

// Error codes of the accounting specs.
constexpr std::int64_t parameter_error = 2101;  ///< bad body field, query or path parameter
constexpr std::int64_t not_found_code = 3006;
constexpr std::int64_t invalid_request = 3100;  ///< e.g. clearing a required field with null

/// The `ErrorWithId` schema: {"error_id", "code", "message"} with a fresh error_id.
Response error_with_id(boost::beast::http::status status, std::int64_t code, std::string_view message);
/// 400, code 2101.
Response bad_request(std::string_view message);
/// 404, code 3006, e.g. "Tax rate with id … not found".
Response not_found(std::string_view what, std::string_view id);

/// The `{name}` path parameter as a UUID, or the spec's 400 when it is not one.
std::variant<Uuid, Response> path_id(const RouteContext& ctx, std::string_view name);

/// The request body as a JSON object with exact numbers; the spec's 400 for invalid JSON,
/// and for an empty object when `non_empty` (PATCH bodies).
std::variant<boost::json::object, Response> read_body(const RouteContext& ctx, bool non_empty);

/// A string field of 1..max_chars characters. Absent: nullopt, or "'<key>' is required"
/// when `required`. `null` counts as absent; callers that must refuse null check first.
std::variant<std::optional<std::string>, Response> read_text(const boost::json::object& body, std::string_view key,
                                                             std::size_t max_chars, bool required);

/// `limit` and `page_token` of a list request.
struct PageRequest {
    std::size_t limit = 100;
    std::optional<std::uint64_t> after;  ///< sequence of the previous page's last item
};

/// Reads `limit` (1..500, one value) and `page_token` (one made for `scope`); the spec's 400
/// for anything else.
std::variant<PageRequest, Response> read_page_request(const RouteContext& ctx, std::string_view scope);

/// The token that continues after the item with `sequence`.
std::string page_token(std::string_view scope, std::uint64_t sequence);

/// One page of `all` (oldest first; items have a `sequence`) in newest-first order, as
/// `{"<key>": [to_json(item)...], "next_page_token": ...}` (the token only when more follow).
template <class Item, class ToJson>
boost::json::object page_json(const std::vector<Item>& all, const PageRequest& request, std::string_view scope,
                              std::string_view key, ToJson to_json) {
    boost::json::array items;
    std::optional<std::uint64_t> last;
    bool more = false;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (request.after && it->sequence >= *request.after) continue;
        if (items.size() == request.limit) {
            more = true;
            break;
        }
        items.push_back(to_json(*it));
        last = it->sequence;
    }
    boost::json::object page;
    if (more && last) page["next_page_token"] = page_token(scope, *last);
    page[key] = std::move(items);
    return page;
}

}  // namespace revolut::mock::accounting_http
