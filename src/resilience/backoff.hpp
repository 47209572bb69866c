#pragma once
// Exponential backoff with full jitter: the wait before a retry is drawn uniformly from
// [0, cap), cap doubling with each retry up to max_backoff, so clients that failed together
// do not retry together.

#include <revolut/retry.hpp>

#include <chrono>
#include <random>

namespace revolut::resilience {

/// The cap for retry number `retry` (1 for the first retry): min(max_backoff,
/// initial_backoff * 2^(retry-1)).
std::chrono::milliseconds backoff_cap(const RetryPolicy& policy, int retry);

/// The wait for retry number `retry`, given `unit` uniform in [0, 1): unit * cap.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry, double unit);

/// A uniform [0, 1) source for backoff_delay; one per client, seeded from random_device.
class Jitter {
public:
    Jitter() : engine_(std::random_device{}()) {}
    double operator()() { return std::uniform_real_distribution<double>(0.0, 1.0)(engine_); }

private:
    std::mt19937_64 engine_;
};

}  // namespace revolut::resilience
