#pragma once
// When a failed call is sent again. Retries never pay twice: a request that may have reached
// the server is resent only when resending is harmless (GET, HEAD, PUT, DELETE, or a call
// carrying a request_id idempotency key); any other POST/PATCH is resent only when it
// provably never left (connecting or the TLS handshake failed, the token could not be had,
// or writing the request failed), or after a 429, which Revolut answers without acting.

#include <chrono>
#include <vector>

namespace revolut {

struct RetryPolicy {
    /// Attempts in all, the first included (1: never retry).
    int max_attempts = 4;
    /// Backoff before retry n is uniform in [0, min(max_backoff, initial_backoff * 2^(n-1)))
    /// ("full jitter"), unless the server sent Retry-After.
    std::chrono::milliseconds initial_backoff{250};
    std::chrono::milliseconds max_backoff{8'000};
    /// Bounds the whole call, attempts and waits together: each attempt gets at most what is
    /// left of it (and at most ClientOptions::request_timeout), and no retry starts (and no
    /// Retry-After is awaited) past it. Zero: no overall bound.
    std::chrono::milliseconds deadline{60'000};
    /// HTTP statuses that are retried. 429 is always eligible; 5xx only when resending is
    /// harmless (see above). Other 4xx statuses listed here are ignored: they are never retried.
    std::vector<unsigned> retry_statuses{429, 502, 503, 504};
    /// Retry transport failures (connection refused or reset, end of stream) ...
    bool retry_network_errors = true;
    /// ... and attempts that ran out of time (a timeout while connecting counts as not sent).
    bool retry_timeouts = true;

    /// The off-switch: one attempt, no overall deadline (request_timeout still applies).
    static RetryPolicy none() {
        RetryPolicy policy;
        policy.max_attempts = 1;
        policy.deadline = std::chrono::milliseconds::zero();
        policy.retry_statuses.clear();
        policy.retry_network_errors = false;
        policy.retry_timeouts = false;
        return policy;
    }
};

}  // namespace revolut
