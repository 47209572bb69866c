#pragma once
// 2xx bodies into typed models: the definition of detail::decode<T>. Only the files that
// define a model's tag_invoke include this (and instantiate decode<T> explicitly there);
// everyone else sees the declaration in revolut/detail/api_call.hpp, so no translation unit
// instantiates decode<T> without the model's mapping in sight.

#include "api/response.hpp"

#include <revolut/detail/api_call.hpp>
#include <revolut/error.hpp>

#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

#include <exception>
#include <string>

namespace revolut::api {

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
