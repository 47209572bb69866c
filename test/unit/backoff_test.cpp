// Exponential backoff with full jitter: the cap doubles up to max_backoff, the delay is a
// uniform fraction of it.
#include "resilience/backoff.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using namespace revolut;
using namespace revolut::resilience;

TEST_CASE("the backoff cap doubles per retry and stops at max_backoff", "[unit][backoff]") {
    RetryPolicy policy;
    policy.initial_backoff = 100ms;
    policy.max_backoff = 1000ms;
    CHECK(backoff_cap(policy, 1) == 100ms);
    CHECK(backoff_cap(policy, 2) == 200ms);
    CHECK(backoff_cap(policy, 3) == 400ms);
    CHECK(backoff_cap(policy, 4) == 800ms);
    CHECK(backoff_cap(policy, 5) == 1000ms);
    CHECK(backoff_cap(policy, 1'000'000) == 1000ms);  // no overflow however many retries
}

TEST_CASE("full jitter: the delay spans 0 up to the cap", "[unit][backoff]") {
    RetryPolicy policy;
    policy.initial_backoff = 100ms;
    policy.max_backoff = 1000ms;
    CHECK(backoff_delay(policy, 3, 0.0) == 0ms);
    CHECK(backoff_delay(policy, 3, 0.5) == 200ms);
    CHECK(backoff_delay(policy, 3, 0.999) == 399ms);
    CHECK(backoff_delay(policy, 3, 7.0) == 400ms);  // out-of-range input is clamped
}

TEST_CASE("the jitter source stays in 0 up to 1 and varies", "[unit][backoff]") {
    Jitter jitter;
    double low = 1, high = 0;
    for (int i = 0; i < 1000; ++i) {
        double u = jitter();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        low = std::min(low, u);
        high = std::max(high, u);
    }
    CHECK(low < 0.1);
    CHECK(high > 0.9);
}
