// Retry-After: delay-seconds and the three HTTP-date forms, measured from a fixed "now".
#include "resilience/retry_after.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono;
using revolut::resilience::parse_retry_after;

namespace {
// Sun, 06 Nov 1994 08:49:37 GMT, the RFC's example date.
const system_clock::time_point rfc_date = sys_days(year(1994) / November / 6) + 8h + 49min + 37s;
}  // namespace

TEST_CASE("Retry-After in seconds", "[unit][retry_after]") {
    CHECK(parse_retry_after("1", rfc_date) == milliseconds(1000));
    CHECK(parse_retry_after(" 120 ", rfc_date) == milliseconds(120'000));
    CHECK(parse_retry_after("0", rfc_date) == milliseconds(0));
}

TEST_CASE("Retry-After as an HTTP-date counts from now", "[unit][retry_after]") {
    auto now = rfc_date - 30s;
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now) == milliseconds(30'000));
    CHECK(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now) == milliseconds(30'000));
    CHECK(parse_retry_after("Sun Nov  6 08:49:37 1994", now) == milliseconds(30'000));
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:50:37 GMT", now) == milliseconds(90'000));
}

TEST_CASE("a Retry-After date in the past means retry now", "[unit][retry_after]") {
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", rfc_date + 1h) == milliseconds(0));
}

TEST_CASE("a malformed Retry-After is ignored", "[unit][retry_after]") {
    for (const char* bad : {"", "soon", "-5", "1.5", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Feb 1994 08:49:37 GMT",
                            "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun Nov  6 08:49 1994"}) {
        INFO(bad);
        CHECK_FALSE(parse_retry_after(bad, rfc_date));
    }
}
