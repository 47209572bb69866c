#include <revolut/rate_limiter.hpp>

#include <revolut/error.hpp>

#include <algorithm>
#include <cmath>

namespace revolut {

RateLimiter::RateLimiter(RateLimit limit) {
    if (!(limit.requests_per_second > 0) || !std::isfinite(limit.requests_per_second) || limit.burst < 1)
        throw Error(make_error_code(Errc::invalid_argument),
                    "rate_limit: requests_per_second must be > 0 and burst >= 1");
    interval_ = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / limit.requests_per_second));
    if (interval_ <= Clock::duration::zero()) interval_ = Clock::duration(1);
    burst_span_ = interval_ * static_cast<Clock::rep>(limit.burst - 1);
}

// Virtual scheduling (GCRA): next_slot_ runs ahead of `now` by one interval per request
// taken; a request may start once it is at most burst - 1 intervals ahead.
RateLimiter::Clock::duration RateLimiter::reserve(Clock::time_point now) {
    auto slot = std::max(next_slot_, now);
    auto allowed_at = slot - burst_span_;
    next_slot_ = slot + interval_;
    return allowed_at > now ? allowed_at - now : Clock::duration::zero();
}

}  // namespace revolut
