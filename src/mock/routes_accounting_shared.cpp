// Shared by the accounting settings routes: ErrorWithId bodies, body checks, cursor paging.
// (Named routes_*.cpp so the mock's source glob picks it up; it registers no routes.)

#include "mock/routes_accounting_shared.hpp"

#include "mock/json_responses.hpp"

#include "crypto/base64.hpp"

#include <charconv>

namespace revolut::mock::accounting_http {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::size_t max_limit = 500;

std::size_t utf8_length(std::string_view text) {
    std::size_t chars = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++chars;
    return chars;
}

std::string quoted(std::string_view key) { return "'" + std::string(key) + "'"; }

// The values of every query parameter called `name`.
std::vector<std::string> query_values(const RouteContext& ctx, std::string_view name) {
    std::vector<std::string> values;
    for (auto param : ctx.target.params())
        if (param.key == name) values.emplace_back(param.value);
    return values;
}

std::optional<std::uint64_t> parse_number(std::string_view text) {
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

}  // namespace

Response error_with_id(http::status status, std::int64_t code, std::string_view message) {
    return json_response(status, json::object{{"error_id", Uuid::random().to_string()},
                                              {"code", code},
                                              {"message", message}});
}

Response bad_request(std::string_view message) {
    return error_with_id(http::status::bad_request, parameter_error, message);
}

Response not_found(std::string_view what, std::string_view id) {
    return error_with_id(http::status::not_found, not_found_code,
                         std::string(what) + " with id " + std::string(id) + " not found");
}

std::variant<Uuid, Response> path_id(const RouteContext& ctx, std::string_view name) {
    auto id = Uuid::try_parse(ctx.path_param(name));
    if (!id) return bad_request("Path parameter 'id' must be a valid UUID");
    return *id;
}

std::variant<json::object, Response> read_body(const RouteContext& ctx, bool non_empty) {
    auto body = parse_json_object_exact(ctx.request.body());
    if (!body) return bad_request("Request body is not valid JSON");
    if (non_empty && body->empty()) return bad_request("Request body must not be empty");
    return std::move(*body);
}

std::variant<std::optional<std::string>, Response> read_text(const json::object& body, std::string_view key,
                                                             std::size_t max_chars, bool required) {
    const auto* value = body.if_contains(key);
    if (value == nullptr || value->is_null()) {
        if (required) return bad_request(quoted(key) + " is required");
        return std::optional<std::string>{};
    }
    const auto* text = plain_string(*value);
    if (text == nullptr) return bad_request(quoted(key) + " must be a string");
    const auto chars = utf8_length(*text);
    if (chars < 1) return bad_request(quoted(key) + " must be at least 1 character");
    if (chars > max_chars) {
        return bad_request(quoted(key) + " must be at most " + std::to_string(max_chars) + " characters");
    }
    return std::optional<std::string>{std::string(*text)};
}

std::variant<PageRequest, Response> read_page_request(const RouteContext& ctx, std::string_view scope) {
    PageRequest request;
    const auto limits = query_values(ctx, "limit");
    const auto tokens = query_values(ctx, "page_token");
    if (limits.size() > 1) return bad_request("Query parameter 'limit' must have a single value");
    if (tokens.size() > 1) return bad_request("Query parameter 'page_token' must have a single value");
    if (!limits.empty()) {
        if (limits[0].empty()) return bad_request("Query parameter 'limit' must not be empty");
        auto limit = parse_number(limits[0]);
        if (!limit) return bad_request("Query parameter 'limit' must be an integer");
        if (*limit < 1) return bad_request("Query parameter 'limit' must be at least 1");
        if (*limit > max_limit) return bad_request("Query parameter 'limit' must be at most 500");
        request.limit = static_cast<std::size_t>(*limit);
    }
    if (!tokens.empty()) {
        if (tokens[0].empty()) return bad_request("Query parameter 'page_token' must not be empty");
        // A token is only valid for the list it came from.
        auto decoded = detail::base64url_decode(tokens[0]);
        const std::string prefix = std::string(scope) + ":";
        std::optional<std::uint64_t> after;
        if (decoded && decoded->starts_with(prefix)) after = parse_number(decoded->substr(prefix.size()));
        if (!after) {
            return bad_request(
                "Query parameter 'page_token' is invalid. Use a value from a previous response's "
                "next_page_token field.");
        }
        request.after = after;
    }
    return request;
}

std::string page_token(std::string_view scope, std::uint64_t sequence) {
    return detail::base64url_encode(std::string(scope) + ":" + std::to_string(sequence));
}

}  // namespace revolut::mock::accounting_http
