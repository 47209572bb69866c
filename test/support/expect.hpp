#pragma once
// Expectations on failing calls, shared by the integration tests: the call must fail, and
// with the error a user would check.

#include <revolut/error.hpp>

#include <boost/asio/awaitable.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <utility>

namespace revolut::test {

/// Expects `op` to fail with an ApiError of `code`; returns it for further checks.
template <class Awaitable>
boost::asio::awaitable<ApiError> expect_api_error(Awaitable op, Errc code) {
    try {
        co_await std::move(op);
    } catch (const ApiError& e) {
        CHECK(e.code() == code);
        co_return e;
    }
    FAIL("expected an ApiError");
    throw std::logic_error("unreachable");
}

/// Expects `op` to fail with a revolut::Error of `code` raised by the client itself, before
/// any answer from the server (an ApiError fails the test).
template <class Awaitable>
boost::asio::awaitable<void> expect_error(Awaitable op, Errc code) {
    try {
        co_await std::move(op);
    } catch (const ApiError& e) {
        FAIL("the request reached the server: HTTP " << e.status());
    } catch (const Error& e) {
        CHECK(e.code() == code);
        co_return;
    }
    FAIL("expected an error");
}

/// Expects `op` to be refused locally as not offered in this environment.
template <class Awaitable>
boost::asio::awaitable<void> expect_refused_in_sandbox(Awaitable op) {
    co_await expect_error(std::move(op), Errc::invalid_environment);
}

}  // namespace revolut::test
