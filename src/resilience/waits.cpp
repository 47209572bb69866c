#include "resilience/waits.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace revolut::resilience {

namespace asio = boost::asio;

asio::awaitable<void> sleep_for(detail::ClientCore& core, std::chrono::steady_clock::duration delay,
                                std::string_view what) {
    auto cancelled = [&] {
        return Error(asio::error::operation_aborted, "request cancelled while waiting for " + std::string(what));
    };
    if (core.cancelling_) throw cancelled();
    if (delay <= std::chrono::steady_clock::duration::zero()) co_return;
    asio::steady_timer timer(core.strand_, delay);
    auto registered = core.sleepers_.insert(core.sleepers_.end(), &timer);
    // A cancellation slot bound to the call reaches the timer through the coroutine.
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    core.sleepers_.erase(registered);
    if (ec || core.cancelling_) throw cancelled();
}

asio::awaitable<void> pace(detail::ClientCore& core) {
    if (!core.rate_limiter_) co_return;
    auto wait = core.rate_limiter_->reserve(std::chrono::steady_clock::now());
    if (wait <= std::chrono::steady_clock::duration::zero()) co_return;
    if (core.logger_.enabled(LogLevel::debug))
        core.logger_.debug("rate limit: waiting " + logging::format_duration(wait));
    co_await sleep_for(core, wait, "the rate limiter");
}

void wake_sleepers(detail::ClientCore& core) {
    for (auto* timer : core.sleepers_) timer->cancel();
}

}  // namespace revolut::resilience
