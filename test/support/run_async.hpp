#pragma once
// Runs a coroutine on a fresh io_context with a time limit, so a hang fails the test
// instead of blocking CI. Rethrows whatever the coroutine threw.

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <exception>

namespace revolut::test {

template <class F>
void run_async(F make_coroutine, std::chrono::seconds limit = std::chrono::seconds(30)) {
    boost::asio::io_context ioc;
    std::exception_ptr error;
    bool done = false;
    boost::asio::co_spawn(ioc, make_coroutine(ioc), [&](std::exception_ptr e) {
        error = e;
        done = true;
    });
    ioc.run_for(limit);
    REQUIRE(done);
    if (error) std::rethrow_exception(error);
}

}  // namespace revolut::test

// Never write co_await inside CHECK/REQUIRE: Catch2's macros repeat the expression in an
// unevaluated `false && (expr)` branch, and GCC 12 still runs a co_await placed there, so
// the operation would happen twice. Await into a variable, then check it.
