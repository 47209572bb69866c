// The token bucket on a manual clock: burst first, then one slot per interval, refilled
// while idle, never more than burst at once.
#include <revolut/error.hpp>
#include <revolut/rate_limiter.hpp>

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using revolut::RateLimit;
using revolut::RateLimiter;
using Clock = RateLimiter::Clock;

namespace {
RateLimit limit(double rate, std::size_t burst) {
    RateLimit l;
    l.requests_per_second = rate;
    l.burst = burst;
    return l;
}
}  // namespace

TEST_CASE("a burst passes at once, the rest are spaced by 1/rate", "[unit][rate_limiter]") {
    RateLimiter limiter(limit(10, 3));
    const Clock::time_point t0 = Clock::now();
    CHECK(limiter.reserve(t0) == 0ms);
    CHECK(limiter.reserve(t0) == 0ms);
    CHECK(limiter.reserve(t0) == 0ms);
    CHECK(limiter.reserve(t0) == 100ms);
    CHECK(limiter.reserve(t0) == 200ms);
    CHECK(limiter.reserve(t0) == 300ms);
}

TEST_CASE("the bucket refills while idle, up to burst", "[unit][rate_limiter]") {
    RateLimiter limiter(limit(10, 2));
    const Clock::time_point t0 = Clock::now();
    for (int i = 0; i < 2; ++i) REQUIRE(limiter.reserve(t0) == 0ms);
    CHECK(limiter.reserve(t0 + 50ms) == 50ms);  // half an interval later: wait the other half
    // Long idle: only `burst` requests pass at once, not everything that accrued.
    const auto later = t0 + 10s;
    CHECK(limiter.reserve(later) == 0ms);
    CHECK(limiter.reserve(later) == 0ms);
    CHECK(limiter.reserve(later) == 100ms);
}

TEST_CASE("n requests by time t never exceed burst + rate * t", "[unit][rate_limiter]") {
    RateLimiter limiter(limit(20, 5));
    const Clock::time_point t0 = Clock::now();
    std::vector<Clock::time_point> starts;
    for (int i = 0; i < 100; ++i) starts.push_back(t0 + limiter.reserve(t0));
    for (std::size_t n = 0; n < starts.size(); ++n) {
        auto elapsed = std::chrono::duration<double>(starts[n] - t0).count();
        CHECK(static_cast<double>(n + 1) <= 5 + 20 * elapsed + 1e-9);
        if (n > 0) CHECK(starts[n] >= starts[n - 1]);  // first come, first served
    }
    CHECK(starts.back() - t0 == 4750ms);  // (100 - 5) / 20 s
}

TEST_CASE("a rate limit must be positive with a burst of at least one", "[unit][rate_limiter]") {
    CHECK_THROWS_AS(RateLimiter(limit(0, 1)), revolut::Error);
    CHECK_THROWS_AS(RateLimiter(limit(-1, 1)), revolut::Error);
    CHECK_THROWS_AS(RateLimiter(limit(5, 0)), revolut::Error);
}
