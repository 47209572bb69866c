#include "mock/json_responses.hpp"

#include "json/exact_json.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/json/parse.hpp>

namespace revolut::mock {

namespace http = boost::beast::http;

Response json_response(http::status status, const boost::json::value& body) {
    Response response{status, 11};
    response.set(http::field::content_type, "application/json");
    // Exact numbers (amounts, balances) are written with their own digits.
    response.body() = detail::serialize_json_exact(body);
    return response;
}

Response error_response(http::status status, std::int64_t code, std::string_view message) {
    return json_response(status, boost::json::object{{"code", code}, {"message", message}});
}

Response empty_response(http::status status) {
    return Response{status, 11};
}

std::optional<boost::json::object> parse_json_object(std::string_view body) {
    boost::system::error_code ec;
    auto value = boost::json::parse(body, ec);
    if (ec || !value.is_object()) return std::nullopt;
    return std::move(value.as_object());
}

std::optional<boost::json::object> parse_json_object_exact(std::string_view body) {
    boost::system::error_code ec;
    auto value = detail::parse_json_exact(body, ec);
    if (ec || !value.is_object()) return std::nullopt;
    return std::move(value.as_object());
}

const boost::json::string* plain_string(const boost::json::value& value) {
    return detail::is_exact_number(value) ? nullptr : value.if_string();
}

}  // namespace revolut::mock
