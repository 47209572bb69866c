#pragma once
// Interpreting responses: error bodies into ApiError, 2xx bodies into JSON and models.

#include <revolut/detail/api_call.hpp>
#include <revolut/error.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

#include <exception>
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

/// Maps a JSON value to T through its tag_invoke, turning every mapping failure into
/// Errc::invalid_response.
template <class T>
T to_model(const boost::json::value& v) {
    try {
        return boost::json::value_to<T>(v);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(make_error_code(Errc::invalid_response), std::string("unexpected response shape: ") + e.what());
    }
}

}  // namespace revolut::api

namespace revolut::detail {

template <class T>
T decode(const ApiResponse& response) {
    return api::to_model<T>(api::parse_body_exact(response));
}

}  // namespace revolut::detail
