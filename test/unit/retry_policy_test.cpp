// The retry rules: what is retried, for which requests, how long to wait, when to stop.
#include "resilience/retry_decision.hpp"

#include <revolut/error.hpp>

#include <boost/asio/error.hpp>

#include <catch2/catch.hpp>

using namespace std::chrono_literals;
using namespace revolut;
using namespace revolut::resilience;

namespace {

AttemptOutcome status(unsigned code, std::optional<std::string> retry_after = std::nullopt) {
    AttemptOutcome o;
    o.status = code;
    o.retry_after = std::move(retry_after);
    return o;
}

AttemptOutcome failure(Errc code, bool reached_server) {
    AttemptOutcome o;
    o.error = make_error_code(code);
    o.reached_server = reached_server;
    return o;
}

RetryContext context(const RetryPolicy& policy, bool resend_safe, int attempts_made = 1) {
    RetryContext c{policy};
    c.resend_safe = resend_safe;
    c.attempts_made = attempts_made;
    c.jitter = 0.5;
    return c;
}

}  // namespace

TEST_CASE("429, 502, 503 and 504 are retried for requests safe to resend", "[unit][retry]") {
    RetryPolicy policy;
    for (unsigned code : {429u, 502u, 503u, 504u}) {
        INFO(code);
        auto d = decide_retry(context(policy, true), status(code));
        CHECK(d.retry);
        CHECK(d.cause == "HTTP " + std::to_string(code));
    }
}

TEST_CASE("4xx other than 429, and 500, are never retried", "[unit][retry]") {
    RetryPolicy policy;
    policy.retry_statuses = {400, 401, 404, 409, 422, 429, 503};  // listing a 4xx does not make it retried
    for (unsigned code : {400u, 401u, 403u, 404u, 409u, 422u, 500u}) {
        INFO(code);
        CHECK_FALSE(decide_retry(context(policy, true), status(code)).retry);
    }
}

TEST_CASE("a POST without request_id is retried only when it provably never left", "[unit][retry]") {
    RetryPolicy policy;
    // May have reached the server: a 5xx or an error after sending.
    CHECK_FALSE(decide_retry(context(policy, false), status(503)).retry);
    CHECK_FALSE(decide_retry(context(policy, false), failure(Errc::network, true)).retry);
    CHECK_FALSE(decide_retry(context(policy, false), failure(Errc::timeout, true)).retry);
    // Never left: connect/TLS/write failures, no token.
    CHECK(decide_retry(context(policy, false), failure(Errc::network, false)).retry);
    CHECK(decide_retry(context(policy, false), failure(Errc::timeout, false)).retry);
    // A 429 is refused before any processing.
    CHECK(decide_retry(context(policy, false), status(429)).retry);
    // With a request_id (or an idempotent method) an error after sending is retried too.
    CHECK(decide_retry(context(policy, true), failure(Errc::network, true)).retry);
    CHECK(decide_retry(context(policy, true), failure(Errc::timeout, true)).retry);
}

TEST_CASE("cancellation and non-transport errors are never retried", "[unit][retry]") {
    RetryPolicy policy;
    AttemptOutcome aborted;
    aborted.error = boost::asio::error::operation_aborted;
    aborted.reached_server = false;
    CHECK_FALSE(decide_retry(context(policy, true), aborted).retry);
    for (Errc code : {Errc::tls, Errc::response_too_large, Errc::invalid_response, Errc::token_refresh_failed,
                      Errc::reauthentication_required}) {
        INFO(static_cast<int>(code));
        CHECK_FALSE(decide_retry(context(policy, true), failure(code, false)).retry);
    }
}

TEST_CASE("max_attempts counts the first attempt", "[unit][retry]") {
    RetryPolicy policy;
    policy.max_attempts = 3;
    CHECK(decide_retry(context(policy, true, 1), status(503)).retry);
    CHECK(decide_retry(context(policy, true, 2), status(503)).retry);
    auto last = decide_retry(context(policy, true, 3), status(503));
    CHECK_FALSE(last.retry);
    CHECK(last.stop_reason == "max_attempts (3) reached");
}

TEST_CASE("RetryPolicy::none() never retries", "[unit][retry]") {
    auto policy = RetryPolicy::none();
    CHECK_FALSE(decide_retry(context(policy, true), status(503)).retry);
    CHECK_FALSE(decide_retry(context(policy, true), status(429)).retry);
    CHECK_FALSE(decide_retry(context(policy, true), failure(Errc::network, false)).retry);
}

TEST_CASE("the switches turn off network and timeout retries separately", "[unit][retry]") {
    RetryPolicy policy;
    policy.retry_network_errors = false;
    CHECK_FALSE(decide_retry(context(policy, true), failure(Errc::network, false)).retry);
    CHECK(decide_retry(context(policy, true), failure(Errc::timeout, false)).retry);
    policy.retry_timeouts = false;
    CHECK_FALSE(decide_retry(context(policy, true), failure(Errc::timeout, false)).retry);
}

TEST_CASE("the wait is the jittered backoff, or Retry-After when the server sent one", "[unit][retry]") {
    RetryPolicy policy;
    policy.initial_backoff = 100ms;
    policy.max_backoff = 10s;
    auto c = context(policy, true, 3);  // third retry cap: 400 ms
    c.jitter = 0.25;
    CHECK(decide_retry(c, status(503)).delay == 100ms);
    CHECK(decide_retry(c, status(429, "2")).delay == 2000ms);
    CHECK(decide_retry(c, status(503, "not a delay")).delay == 100ms);  // unreadable: backoff
    c.now = std::chrono::sys_days(std::chrono::year(2024) / 1 / 1);
    CHECK(decide_retry(c, status(429, "Mon, 01 Jan 2024 00:00:05 GMT")).delay == 5000ms);
}

TEST_CASE("no retry when its wait would outlast the deadline", "[unit][retry]") {
    RetryPolicy policy;
    auto c = context(policy, true);
    c.remaining = 3s;
    CHECK(decide_retry(c, status(429, "2")).retry);
    auto late = decide_retry(c, status(429, "120"));
    CHECK_FALSE(late.retry);
    CHECK(late.stop_reason == "the deadline would pass before the next attempt");
}
