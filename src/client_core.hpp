#pragma once
// The state behind an AsyncClient, shared with its in-flight operations so that they
// outlive a moved or destroyed client object. Touched only on the client's strand.

#include "auth/token_source.hpp"
#include "http/transport.hpp"
#include "logging/logger.hpp"
#include "resilience/backoff.hpp"

#include <revolut/client.hpp>
#include <revolut/rate_limiter.hpp>

#include <boost/asio/steady_timer.hpp>

#include <list>
#include <memory>
#include <optional>

namespace revolut::detail {

class ClientCore {
public:
    enum class State { closed, open, closing };

    ClientCore(boost::asio::any_io_executor strand, ClientOptions options)
        : strand_(std::move(strand)),
          options_(std::move(options)),
          drained_(strand_),
          logger_(options_.log_sink, options_.log_level) {}

    boost::asio::any_io_executor strand_;
    ClientOptions options_;
    State state_ = State::closed;
    std::unique_ptr<http::Transport> transport_;
    std::shared_ptr<auth::TokenSource> token_source_;
    std::size_t in_flight_ = 0;
    boost::asio::steady_timer drained_;  // cancelled when in_flight_ drops to zero while closing
    ClientStats closed_stats_;           // counters of transports already closed

    logging::Logger logger_;
    std::optional<RateLimiter> rate_limiter_;  // from options_.rate_limit, made by open()
    resilience::Jitter jitter_;
    // close(CloseMode::cancel) in progress: backoff and rate-limit waits (registered in
    // sleepers_) are woken and fail with operation_aborted, and no further attempt starts.
    bool cancelling_ = false;
    std::list<boost::asio::steady_timer*> sleepers_;
};

}  // namespace revolut::detail
