#pragma once
// A deliberately small HTTPS client for tests that talk to revolut-mock directly: one TLS
// connection that trusts only the given CA and checks the host name, requests written and
// read with Beast, a deadline on every step. No pooling, no retries: what the test sends is
// exactly what goes on the wire.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <openssl/ssl.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>

namespace revolut::test {

using RawRequest = boost::beast::http::request<boost::beast::http::string_body>;
using RawResponse = boost::beast::http::response<boost::beast::http::string_body>;

/// The response body parsed as JSON (throws when it is not JSON).
inline boost::json::value json_of(const RawResponse& response) {
    return boost::json::parse(response.body());
}

/// One TLS connection to a local server.
class RawHttpsClient {
public:
    /// `verify_host` is the name or IP the server certificate must carry.
    RawHttpsClient(boost::asio::any_io_executor executor, const std::string& ca_pem,
                   std::uint16_t port, std::string verify_host = "127.0.0.1",
                   std::string address = "127.0.0.1")
        : tls_(trusting(ca_pem)),
          stream_(executor, tls_),
          port_(port),
          verify_host_(std::move(verify_host)),
          address_(std::move(address)) {
        stream_.set_verify_callback(boost::asio::ssl::host_name_verification(verify_host_));
    }

    /// TCP connect and TLS handshake; throws on failure (e.g. certificate not trusted).
    boost::asio::awaitable<void> connect() {
        namespace asio = boost::asio;
        auto& tcp = boost::beast::get_lowest_layer(stream_);
        tcp.expires_after(step_timeout);
        co_await tcp.async_connect(asio::ip::tcp::endpoint(asio::ip::make_address(address_), port_),
                                   asio::use_awaitable);
        boost::system::error_code ec;
        asio::ip::make_address(verify_host_, ec);
        if (ec) SSL_set_tlsext_host_name(stream_.native_handle(), verify_host_.c_str());  // SNI
        co_await stream_.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    }

    /// A request with Host and, when `token` is not empty, `Authorization: Bearer <token>`; a
    /// non-empty body is sent as application/json.
    RawRequest make_request(boost::beast::http::verb method, std::string target,
                            std::string token = {}, std::string body = {}) const {
        namespace http = boost::beast::http;
        RawRequest request{method, target, 11};
        request.set(http::field::host, address_ + ":" + std::to_string(port_));
        request.set(http::field::user_agent, "revolut-cpp raw test client");
        if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
        if (!body.empty()) {
            request.set(http::field::content_type, "application/json");
            request.body() = std::move(body);
        }
        request.prepare_payload();
        return request;
    }

    /// Writes `request` and reads its response; throws on any transport error.
    boost::asio::awaitable<RawResponse> send(RawRequest request) {
        auto [ec, response] = co_await try_send(std::move(request));
        if (ec) throw boost::system::system_error(ec, "raw https request");
        co_return std::move(response);
    }

    /// As send(), reporting a transport error instead of throwing.
    boost::asio::awaitable<std::pair<boost::system::error_code, RawResponse>> try_send(
        RawRequest request) {
        namespace asio = boost::asio;
        namespace http = boost::beast::http;
        constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
        auto& tcp = boost::beast::get_lowest_layer(stream_);
        tcp.expires_after(step_timeout);
        auto [write_ec, written] = co_await http::async_write(stream_, request, nothrow);
        RawResponse response;
        if (write_ec) co_return std::pair{write_ec, std::move(response)};
        tcp.expires_after(step_timeout);
        auto [read_ec, read] = co_await http::async_read(stream_, buffer_, response, nothrow);
        co_return std::pair{read_ec, std::move(response)};
    }

    /// Waits up to `wait` for the server to end the connection and returns what ended the
    /// read: asio::error::eof after the server's TLS close_notify (a graceful close),
    /// ssl::error::stream_truncated or a reset for an abrupt one, beast::error::timeout when
    /// the connection stayed open. Data arriving instead is reported as
    /// asio::error::message_size.
    boost::asio::awaitable<boost::system::error_code> wait_for_close(
        std::chrono::milliseconds wait) {
        namespace asio = boost::asio;
        auto& tcp = boost::beast::get_lowest_layer(stream_);
        tcp.expires_after(wait);
        char byte = 0;
        auto [ec, n] = co_await stream_.async_read_some(asio::buffer(&byte, 1),
                                                        asio::as_tuple(asio::use_awaitable));
        if (!ec && n > 0) co_return asio::error::message_size;
        co_return ec;
    }

    /// Sends the TLS close_notify and closes the socket.
    boost::asio::awaitable<void> close() {
        auto& tcp = boost::beast::get_lowest_layer(stream_);
        tcp.expires_after(step_timeout);
        co_await stream_.async_shutdown(boost::asio::as_tuple(boost::asio::use_awaitable));
        tcp.close();
    }

private:
    static constexpr std::chrono::seconds step_timeout{10};

    // Configured before the stream exists: an SSL object copies the verify mode at creation.
    static boost::asio::ssl::context trusting(const std::string& ca_pem) {
        boost::asio::ssl::context tls(boost::asio::ssl::context::tls_client);
        tls.add_certificate_authority(boost::asio::buffer(ca_pem));
        tls.set_verify_mode(boost::asio::ssl::verify_peer);
        return tls;
    }

    boost::asio::ssl::context tls_;
    boost::beast::ssl_stream<boost::beast::tcp_stream> stream_;
    boost::beast::flat_buffer buffer_;
    std::uint16_t port_;
    std::string verify_host_;
    std::string address_;
};

}  // namespace revolut::test
