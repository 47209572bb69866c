#include "api/response.hpp"

#include "json/exact_json.hpp"

#include <boost/json/parse.hpp>

namespace revolut::api {

namespace json = boost::json;

ApiError make_api_error(unsigned status, std::string_view body, std::string_view reason) {
    std::optional<std::int64_t> code;
    std::string message;
    json::error_code ec;
    auto parsed = json::parse(body, ec);
    if (!ec && parsed.is_object()) {
        const auto& o = parsed.get_object();
        if (auto* c = o.if_contains("code"); c && c->is_int64()) code = c->get_int64();
        for (auto key : {"message", "error_description", "error"}) {
            if (auto* m = o.if_contains(key); m && m->is_string()) {
                message = std::string(m->get_string());
                break;
            }
        }
    }
    if (message.empty()) message = std::string(reason);
    // An error message is the server's text, but keep it bounded for logs.
    if (message.size() > 500) message.resize(500);
    return {status, code, std::move(message)};
}

json::value parse_body(const detail::ApiResponse& response) {
    if (response.body.empty()) return json::object();
    json::error_code ec;
    auto v = json::parse(response.body, ec);
    if (ec) throw Error(make_error_code(Errc::invalid_response), "response body is not JSON: " + ec.message());
    return v;
}

json::value parse_body_exact(const detail::ApiResponse& response) {
    if (response.body.empty()) return json::object();
    json::error_code ec;
    // The tree only lives while decode() maps it to models: build it in one arena.
    auto v = detail::parse_json_exact_in_arena(response.body, ec);
    if (ec) throw Error(make_error_code(Errc::invalid_response), "response body is not JSON: " + ec.message());
    return v;
}

}  // namespace revolut::api

namespace revolut::detail {

// Raw results: the body as JSON, whatever its shape.
template <>
boost::json::value decode<boost::json::value>(const ApiResponse& response) {
    return api::parse_body(response);
}

}  // namespace revolut::detail
