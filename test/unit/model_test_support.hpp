#pragma once
// What the model and request-builder unit tests share: decoding a 200 body exactly as the
// client does, reading a request's JSON body, and expecting a typed error.
#include <revolut/detail/api_call.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <utility>

namespace revolut_test {

/// `body` decoded into T as a 2xx response would be (detail::decode, what the client runs).
template <class T>
T decode(std::string body) {
    return revolut::detail::decode<T>(revolut::detail::ApiResponse{200, std::move(body)});
}

/// The JSON body a request builder produced (fails the test when there is none).
inline boost::json::value body_of(const revolut::detail::ApiRequest& r) {
    REQUIRE(r.json_body);
    return boost::json::parse(*r.json_body);
}

/// Runs `f` and checks it throws revolut::Error with `code`.
template <class F>
void require_error(F f, revolut::Errc code) {
    try {
        f();
        FAIL("accepted");
    } catch (const revolut::Error& e) {
        CHECK(e.code() == code);
    }
}

}  // namespace revolut_test
