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
