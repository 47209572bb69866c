#include "resilience/retry_decision.hpp"

#include "resilience/backoff.hpp"
#include "resilience/retry_after.hpp"

#include <revolut/error.hpp>

#include <boost/asio/error.hpp>

#include <algorithm>

namespace revolut::resilience {
namespace {

std::string describe(const AttemptOutcome& outcome) {
    if (outcome.status) return "HTTP " + std::to_string(*outcome.status);
    std::string text = outcome.error == Errc::timeout ? "timeout"
                       : outcome.error == Errc::network ? "network error"
                                                        : outcome.error.message();
    return text + (outcome.reached_server ? "" : " (request not sent)");
}

// Empty when the outcome may be retried; otherwise why not.
std::string not_retryable(const RetryContext& context, const AttemptOutcome& outcome) {
    const auto& policy = context.policy;
    if (outcome.status) {
        unsigned status = *outcome.status;
        bool listed = std::find(policy.retry_statuses.begin(), policy.retry_statuses.end(), status) !=
                      policy.retry_statuses.end();
        if (!listed || (status >= 400 && status < 500 && status != 429)) return "status not retried";
        // A 429 is refused before any processing; a 5xx may come after the server acted.
        if (status != 429 && !context.resend_safe) return "not safe to resend (no request_id)";
        return {};
    }
    if (outcome.error == boost::asio::error::operation_aborted) return "cancelled";
    bool enabled = (outcome.error == Errc::network && policy.retry_network_errors) ||
                   (outcome.error == Errc::timeout && policy.retry_timeouts);
    if (!enabled) return "error not retried";
    if (outcome.reached_server && !context.resend_safe) return "may have reached the server; not safe to resend";
    return {};
}

}  // namespace

RetryDecision decide_retry(const RetryContext& context, const AttemptOutcome& outcome) {
    RetryDecision decision;
    decision.cause = describe(outcome);
    decision.stop_reason = not_retryable(context, outcome);
    if (!decision.stop_reason.empty()) return decision;
    if (context.attempts_made >= context.policy.max_attempts) {
        decision.stop_reason = "max_attempts (" + std::to_string(context.policy.max_attempts) + ") reached";
        return decision;
    }
    std::optional<std::chrono::milliseconds> asked;
    if (outcome.retry_after) asked = parse_retry_after(*outcome.retry_after, context.now);
    decision.delay = asked ? *asked : backoff_delay(context.policy, context.attempts_made, context.jitter);
    if (decision.delay >= context.remaining) {
        decision.stop_reason = "the deadline would pass before the next attempt";
        return decision;
    }
    decision.retry = true;
    return decision;
}

}  // namespace revolut::resilience
