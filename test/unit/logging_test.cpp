// The logger: silent by default, level filter, a throwing sink never escapes; and what
// revolut::Error says about attempts.
#include "logging/logger.hpp"

#include <revolut/error.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using namespace revolut;
using revolut::logging::Logger;

TEST_CASE("a logger without a sink is silent at every level", "[unit][logging]") {
    Logger silent;
    for (auto level : {LogLevel::trace, LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error})
        CHECK_FALSE(silent.enabled(level));
    silent.error("nobody hears this");  // and does not crash
}

TEST_CASE("lines below the level are dropped, the rest reach the sink", "[unit][logging]") {
    std::vector<std::pair<LogLevel, std::string>> lines;
    Logger logger([&](LogLevel level, std::string_view line) { lines.emplace_back(level, std::string(line)); },
                  LogLevel::info);
    logger.trace("t");
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    logger.error("e");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == std::pair{LogLevel::info, std::string("i")});
    CHECK(lines[1].first == LogLevel::warn);
    CHECK(lines[2].first == LogLevel::error);
    CHECK_FALSE(logger.enabled(LogLevel::debug));
    CHECK(logger.enabled(LogLevel::warn));
}

TEST_CASE("level off silences a logger that has a sink", "[unit][logging]") {
    int calls = 0;
    Logger logger([&](LogLevel, std::string_view) { ++calls; }, LogLevel::off);
    logger.error("e");
    CHECK(calls == 0);
}

TEST_CASE("a sink that throws does not break the caller", "[unit][logging]") {
    Logger logger([](LogLevel, std::string_view) { throw std::runtime_error("sink down"); }, LogLevel::trace);
    CHECK_NOTHROW(logger.warn("retrying"));
}

TEST_CASE("level names", "[unit][logging]") {
    CHECK(to_string(LogLevel::trace) == "trace");
    CHECK(to_string(LogLevel::warn) == "warn");
    CHECK(to_string(LogLevel::off) == "off");
    CHECK(logging::format_duration(std::chrono::milliseconds(12)) == "12 ms");
    CHECK(logging::format_duration(std::chrono::milliseconds(1250)) == "1.250 s");
}

TEST_CASE("an error reports its attempts, the message mentions them when retried", "[unit][logging][retry]") {
    ApiError error(503, 9503, "unavailable");
    CHECK(error.attempts() == 1);
    std::string once = error.what();
    CHECK(once.find("attempts") == std::string::npos);
    error.set_attempts(3);
    CHECK(error.attempts() == 3);
    CHECK(std::string(error.what()) == once + " (after 3 attempts)");
    ApiError copy = error;  // copies keep it (exceptions are copied when rethrown)
    CHECK(copy.attempts() == 3);
    CHECK(std::string(copy.what()) == std::string(error.what()));
    CHECK(copy.code() == Errc::server_error);
}
