#pragma once
// The state behind an AsyncClient, shared with its in-flight operations so that they
// outlive a moved or destroyed client object. Touched only on the client's strand.

#include "auth/token_source.hpp"
#include "http/transport.hpp"

#include <revolut/client.hpp>

#include <boost/asio/steady_timer.hpp>

#include <memory>
#include <optional>

namespace revolut::detail {

class ClientCore {
public:
    enum class State { closed, open, closing };

    ClientCore(boost::asio::any_io_executor strand, ClientOptions options)
        : strand_(std::move(strand)), options_(std::move(options)), drained_(strand_) {}

    boost::asio::any_io_executor strand_;
    ClientOptions options_;
    State state_ = State::closed;
    std::unique_ptr<http::Transport> transport_;
    std::shared_ptr<auth::TokenSource> token_source_;
    std::size_t in_flight_ = 0;
    boost::asio::steady_timer drained_;  // cancelled when in_flight_ drops to zero while closing
    ClientStats closed_stats_;           // counters of transports already closed
};

}  // namespace revolut::detail
