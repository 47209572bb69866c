#pragma once
// The baseline: the least any user would write with Beast and OpenSSL directly. One
// kept-alive TLS connection (beast::ssl_stream over a bare socket: Beast's TLS stream, which
// coalesces small writes into one record, without timeouts), the request built once and sent again and again, the response
// read into a string and parsed into a boost::json DOM. No pool, no timeouts, no retries,
// no token handling, no models: the practical limit for the same HTTP exchange.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>

#include <openssl/ssl.h>

#include <memory>
#include <string>

namespace revolut::bench {

using RawRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// What the client sends for one call, spelled out: the same method, target and headers.
struct RawExchange {
    boost::beast::http::verb method = boost::beast::http::verb::get;
    std::string target;         ///< with the base path, e.g. /api/2.0/webhooks
    std::string body;           ///< JSON body, empty for none
    unsigned expected_status = 200;
};

/// A TLS client context trusting only `ca_pem`, TLS 1.2 or later, like the client's.
std::shared_ptr<boost::asio::ssl::context> make_raw_tls(const std::string& ca_pem);

/// The request as the client would send it (Host, Accept, User-Agent, Authorization, body).
RawRequest make_raw_request(const RawExchange& exchange, const std::string& host_header,
                            const std::string& access_token);

class RawConnection {
public:
    RawConnection(boost::asio::any_io_executor executor, boost::asio::ssl::context& tls);

    /// TCP connect, SNI, host-name verification, handshake; resumes `session` when given.
    boost::asio::awaitable<void> connect(boost::asio::ip::tcp::endpoint endpoint,
                                         const std::string& host, SSL_SESSION* session = nullptr);
    /// Sends `request`, reads the response, checks the status and parses the body.
    boost::asio::awaitable<boost::json::value> exchange(const RawRequest& request,
                                                        unsigned expected_status);

    bool session_reused() { return SSL_session_reused(stream_.native_handle()) == 1; }
    /// The session to resume a later connection with (caller frees it), or nullptr.
    SSL_SESSION* get1_session() { return SSL_get1_session(stream_.native_handle()); }
    /// Marks the connection cleanly ended, so that OpenSSL keeps its session resumable when
    /// it is freed without a close_notify (what the client's pool does with idle connections).
    void end_keeping_session() { SSL_set_shutdown(stream_.native_handle(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN); }

private:
    boost::beast::ssl_stream<boost::asio::ip::tcp::socket> stream_;
    boost::beast::flat_buffer buffer_;
};

}  // namespace revolut::bench
