#include "resilience/backoff.hpp"

#include <algorithm>

namespace revolut::resilience {

std::chrono::milliseconds backoff_cap(const RetryPolicy& policy, int retry) {
    auto cap = std::max(policy.initial_backoff, std::chrono::milliseconds::zero());
    // Doubling stops at max_backoff, so this never overflows however many retries there are.
    for (int i = 1; i < retry && cap < policy.max_backoff; ++i) cap *= 2;
    return std::min(cap, std::max(policy.max_backoff, std::chrono::milliseconds::zero()));
}

std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, double unit) {
    unit = std::clamp(unit, 0.0, 1.0);
    auto cap = backoff_cap(policy, retry);
    auto delay = std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(cap.count()) * unit));
    return std::min(delay, cap);
}

}  // namespace revolut::resilience
