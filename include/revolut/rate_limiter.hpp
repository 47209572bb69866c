#pragma once
// A client-side token bucket, so a burst of coroutines is spread out instead of drawing 429s.

#include <chrono>
#include <cstddef>

namespace revolut {

/// At most `burst` requests at once, refilled at `requests_per_second` (e.g. 10 and 5: five
/// at once, then one every 100 ms). Set as ClientOptions::rate_limit.
struct RateLimit {
    double requests_per_second = 10;
    std::size_t burst = 1;
};

/// The bucket, without a clock of its own (so it can be tested with any time points). Each
/// reserve() takes the next free slot, first come first served: the n-th request reserved
/// from a full bucket at time t0 may start at t0 + max(0, n - burst + 1) / rate.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    /// Throws revolut::Error(Errc::invalid_argument) unless rate > 0 and burst >= 1.
    explicit RateLimiter(RateLimit limit);

    /// Reserves a slot for a request wanting to start at `now`; returns how long it must wait
    /// first (zero when the bucket has a token).
    Clock::duration reserve(Clock::time_point now);

private:
    Clock::duration interval_;  // between two slots
    Clock::duration burst_span_;  // (burst - 1) intervals: how far ahead slots may be taken for free
    Clock::time_point next_slot_{};  // when the bucket would next be empty ("theoretical arrival time")
};

}  // namespace revolut
