#pragma once
// One keep-alive HTTPS connection: connect (resolve, TCP, SNI, host-name verification,
// handshake), exchange one request/response at a time, and tell whether it can be reused.

#include "http/base_url.hpp"
#include "http/message.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <cstddef>

namespace revolut::http {

class Connection {
public:
    using Clock = std::chrono::steady_clock;

    Connection(boost::asio::any_io_executor executor, boost::asio::ssl::context& tls);

    /// Resolves, connects and completes the TLS handshake within `timeout`.
    /// Throws Error(timeout | network | tls).
    boost::asio::awaitable<void> connect(const BaseUrl& url, Clock::duration timeout);

    /// Writes `request` and reads the response within `timeout`, refusing bodies over
    /// `body_limit`. Throws Error(timeout | network | tls | response_too_large |
    /// invalid_response), or operation_aborted when cancelled. After a failure the
    /// connection must not be reused.
    boost::asio::awaitable<Response> exchange(const Request& request, Clock::duration timeout,
                                              std::size_t body_limit);

    /// True when the last exchange left the connection reusable (keep-alive, no error).
    bool reusable() const noexcept { return reusable_; }
    /// True when nothing of the last exchange's response had arrived when it failed: the
    /// server most likely closed an idle connection and never saw the request.
    bool failed_before_response() const noexcept { return failed_before_response_; }
    /// True when the last exchange failed while writing the request: the server cannot
    /// have acted on it (used to retry non-idempotent requests on a stale connection).
    bool failed_while_writing() const noexcept { return failed_while_writing_; }
    /// Number of exchanges started on this connection.
    std::size_t exchanges() const noexcept { return exchanges_; }

    /// Cheap check before reuse: false when the peer closed the idle connection or sent
    /// something unsolicited (a TLS close_notify, an error page).
    bool looks_alive() noexcept;

    Clock::time_point idle_since() const noexcept { return idle_since_; }
    void mark_idle() noexcept { idle_since_ = Clock::now(); }

    /// Closes the socket at once; pending operations complete with operation_aborted.
    void force_close() noexcept;
    /// Sends TLS close_notify (bounded by `timeout`), then closes the socket.
    boost::asio::awaitable<void> graceful_close(Clock::duration timeout);

private:
    boost::beast::ssl_stream<boost::beast::tcp_stream> stream_;
    boost::beast::flat_buffer buffer_;
    std::string endpoint_;  // host:port, for error messages
    bool reusable_ = false;
    bool failed_before_response_ = false;
    bool failed_while_writing_ = false;
    std::size_t exchanges_ = 0;
    Clock::time_point idle_since_ = Clock::now();
};

}  // namespace revolut::http
