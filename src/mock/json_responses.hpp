#pragma once
// JSON in and out of route handlers: response builders with the API's error body shape
// ({"code": integer, "message": string}) and a lenient request-body reader.

#include "mock/http_message.hpp"

#include <boost/beast/http/status.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace revolut::mock {

/// `body` serialized (exact numbers with their digits), Content-Type application/json.
Response json_response(boost::beast::http::status status, const boost::json::value& body);
/// The API's `Error` schema: {"code": code, "message": message}.
Response error_response(boost::beast::http::status status, std::int64_t code,
                        std::string_view message);
/// A response without a body (204 No Content).
Response empty_response(boost::beast::http::status status);

/// The request body as a JSON object; nullopt when it is not valid JSON or not an object.
std::optional<boost::json::object> parse_json_object(std::string_view body);
/// As parse_json_object, keeping numbers with a fraction or exponent exact (read them with
/// revolut::decimal_from_json). Such numbers are tagged json::strings: read string fields of
/// the result with plain_string(), which tells them apart.
std::optional<boost::json::object> parse_json_object_exact(std::string_view body);
/// The text of a JSON string that is not an exact number; nullptr for anything else.
const boost::json::string* plain_string(const boost::json::value& value);

}  // namespace revolut::mock
