#pragma once
// Whether a failed attempt is sent again, and after how long: the retry rules in one pure
// function (no clock, no randomness of its own), so they are tested without a network.

#include <revolut/retry.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace revolut::resilience {

/// What is known about a failed attempt: an HTTP answer, or an error without one.
struct AttemptOutcome {
    std::optional<unsigned> status;          ///< a non-2xx answer
    std::optional<std::string> retry_after;  ///< its Retry-After header
    boost::system::error_code error;         ///< a failure without an answer
    bool reached_server = true;              ///< false: the request provably never left
};

struct RetryContext {
    const RetryPolicy& policy;
    bool resend_safe = false;  ///< GET/HEAD/PUT/DELETE, or the request carries a request_id
    int attempts_made = 1;     ///< including the one that just failed
    /// Time left before RetryPolicy::deadline (duration::max() when there is none).
    std::chrono::steady_clock::duration remaining = std::chrono::steady_clock::duration::max();
    std::chrono::system_clock::time_point now{};  ///< for a Retry-After HTTP-date
    double jitter = 0.5;                          ///< uniform in [0, 1), for the backoff
};

struct RetryDecision {
    bool retry = false;
    std::chrono::milliseconds delay{0};
    std::string cause;        ///< what went wrong, e.g. "HTTP 503", "network error (not sent)"
    std::string stop_reason;  ///< why not retried, e.g. "max_attempts (4) reached"
};

RetryDecision decide_retry(const RetryContext& context, const AttemptOutcome& outcome);

}  // namespace revolut::resilience
