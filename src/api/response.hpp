#pragma once
// Interpreting responses: error bodies into ApiError, 2xx bodies into JSON (models: model_decode.hpp).

#include <revolut/detail/api_call.hpp>
#include <revolut/error.hpp>

#include <boost/json/value.hpp>

#include <string_view>

namespace revolut::api {

/// The ApiError for a non-2xx answer. Reads Revolut's `code`/`message` leniently from the
/// shapes the specs use (also `error`/`error_description`, `status`); falls back to the
/// reason phrase for non-JSON bodies such as an HTML error page.
ApiError make_api_error(unsigned status, std::string_view body, std::string_view reason);

/// Parses a 2xx body for raw results (plain Boost.JSON: numbers as int64/double); an empty
/// body is an empty object. Throws Errc::invalid_response.
boost::json::value parse_body(const detail::ApiResponse& response);
/// Parses a 2xx body for typed models: amounts keep their exact decimal text.
boost::json::value parse_body_exact(const detail::ApiResponse& response);

}  // namespace revolut::api
