#pragma once
// One keep-alive HTTPS connection: connect (resolve, TCP, SNI, host-name verification,
// handshake), exchange one request/response at a time, and tell whether it can be reused.

#include "http/base_url.hpp"
#include "http/message.hpp"
#include "http/tls_context.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace revolut::http {

class Connection {
public:
    using Clock = std::chrono::steady_clock;

    /// `sessions` (shared by the connections to one server) offers a session to resume and
    /// receives the ones the server sends.
    Connection(boost::asio::any_io_executor executor, boost::asio::ssl::context& tls,
               std::shared_ptr<TlsSessionCache> sessions);

    /// Resolves, connects and completes the TLS handshake within `timeout`, resuming a
    /// cached session when there is one. Throws Error(timeout | network | tls).
    boost::asio::awaitable<void> connect(const BaseUrl& url, Clock::duration timeout);
    /// True when the handshake resumed a session (an abbreviated handshake).
    bool resumed() const noexcept { return resumed_; }

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

    /// Closes the socket at once; pending operations complete with operation_aborted. The
    /// TLS session is then no longer resumable (OpenSSL's rule for an interrupted connection).
    void force_close() noexcept;
    /// Closes an idle connection that ended no exchange badly (expired, or closed by the
    /// peer) without a close_notify, keeping its TLS session resumable for the next one.
    void drop_idle() noexcept;
    /// Sends TLS close_notify (bounded by `timeout`), then closes the socket.
    boost::asio::awaitable<void> graceful_close(Clock::duration timeout);

private:
    void arm_deadline(Clock::duration timeout);
    /// `ec` as the caller should see it: a timeout when our deadline fired.
    boost::system::error_code failure(boost::system::error_code ec) const noexcept;
    boost::asio::ip::tcp::socket& socket() noexcept { return stream_.next_layer(); }

    std::shared_ptr<TlsSessionCache> sessions_;  // declared first: outlives the SSL in stream_
    // A plain socket under TLS: every timeout comes from deadline_ (Beast's tcp_stream would
    // arm and track a timer of its own on every read and write).
    boost::asio::ssl::stream<boost::asio::ip::tcp::socket> stream_;
    std::string request_bytes_;  // the request being written, serialized; capacity reused
    static constexpr std::size_t read_buffer_size = 16 * 1024 + 512;  // a TLS record and change
    boost::beast::flat_buffer buffer_;
    std::string endpoint_;  // host:port, for error messages
    boost::asio::steady_timer deadline_;  // the current exchange's deadline
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // tells deadline handlers we exist
    bool timed_out_ = false;
    bool reusable_ = false;
    bool resumed_ = false;
    bool failed_before_response_ = false;
    bool failed_while_writing_ = false;
    std::size_t exchanges_ = 0;
    std::size_t deadlines_ = 0;  // deadlines armed so far: a late expiry finds a newer one
    Clock::time_point idle_since_ = Clock::now();
};

}  // namespace revolut::http
