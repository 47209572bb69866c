#pragma once
// One client connection: TLS handshake, then HTTP/1.1 requests answered in order on the same
// connection (keep-alive) until the client closes, a timeout fires, or the server stops.

#include "mock/http_message.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <memory>

namespace revolut::mock {

struct ServerCore;

/// A connection being served. Owned by its own coroutine (see run()).
class HttpSession {
public:
    HttpSession(std::shared_ptr<ServerCore> core, boost::asio::ip::tcp::socket socket);

    /// Serves the connection to its end; `self` keeps the session alive meanwhile. Never
    /// throws: a broken connection concerns nobody else.
    static boost::asio::awaitable<void> run(std::shared_ptr<HttpSession> self);
    /// Ends the session gracefully: a response being written is finished, a request being
    /// awaited or a fault delay is cut short, then TLS is shut down. Idempotent.
    void stop();

private:
    enum class Phase { handshake, reading, delaying, writing, closing };
    enum class Next { keep_alive, close, drop };

    boost::asio::awaitable<void> serve();
    boost::asio::awaitable<Next> serve_one_request(boost::beast::flat_buffer& buffer);
    boost::asio::awaitable<Next> answer_unreadable_request(boost::system::error_code ec);
    boost::asio::awaitable<Next> send(Response response, unsigned version, bool keep_alive);
    /// Sends the header and half the body of `response`, then ends the connection: with a
    /// reset, or (truncated body) with a clean TLS close.
    boost::asio::awaitable<Next> send_partial(Response response, unsigned version, bool reset);
    /// Reads the ClientHello and answers with a fatal handshake_failure alert.
    boost::asio::awaitable<void> fail_handshake();
    boost::asio::awaitable<void> shutdown_tls();
    void close_socket();

    std::shared_ptr<ServerCore> core_;
    boost::beast::ssl_stream<boost::beast::tcp_stream> stream_;
    boost::asio::steady_timer delay_timer_;
    Phase phase_ = Phase::handshake;
    bool stopping_ = false;
};

}  // namespace revolut::mock
