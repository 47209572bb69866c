#pragma once
// The waits a call may make between attempts (backoff, Retry-After, the rate limiter), all
// interruptible: by the call's cancellation slot and by close(CloseMode::cancel).

#include "client_core.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <string_view>

namespace revolut::resilience {

/// Sleeps for `delay` on the client's strand. Throws Error(operation_aborted) when cancelled
/// (or when close(cancel) is in progress). `what` names the wait for the error message.
boost::asio::awaitable<void> sleep_for(detail::ClientCore& core, std::chrono::steady_clock::duration delay,
                                       std::string_view what);

/// Waits for the rate limiter's next slot (no-op without ClientOptions::rate_limit).
boost::asio::awaitable<void> pace(detail::ClientCore& core);

/// close(CloseMode::cancel): wakes every sleeping call (each then fails with operation_aborted).
void wake_sleepers(detail::ClientCore& core);

}  // namespace revolut::resilience
