#include "http/connection.hpp"

#include "http/transport_error.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/parser.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <cerrno>
#include <charconv>

namespace revolut::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

namespace {

// The request as HTTP/1.1 bytes, written with one call: TLS then sends it in one record
// instead of one per header piece. Field values come from the library (prepare_payload has
// set Content-Length), so this is the whole of what Beast's serializer would produce.
void serialize(const Request& request, std::string& out) {
    out.clear();
    out.append(request.method_string());
    out += ' ';
    out.append(request.target());
    out += " HTTP/1.1\r\n";
    for (const auto& field : request) {
        out.append(field.name_string());
        out += ": ";
        out.append(field.value());
        out += "\r\n";
    }
    out += "\r\n";
    out += request.body();
}

// Kept between exchanges so small requests never allocate; a rare large body is not kept.
constexpr std::size_t kept_request_capacity = 64 * 1024;

}  // namespace

Connection::Connection(asio::any_io_executor executor, asio::ssl::context& tls,
                       std::shared_ptr<TlsSessionCache> sessions)
    : sessions_(std::move(sessions)), stream_(executor, tls), deadline_(executor) {
    // Beast reads at most the buffer's free capacity (512 bytes for a fresh flat_buffer,
    // which the parser keeps emptying): room for a whole TLS record makes one read per record
    // instead of ~30, a large difference in work per byte for big responses.
    buffer_.reserve(read_buffer_size);
}

asio::awaitable<void> Connection::connect(const BaseUrl& url, Clock::duration timeout) {
    using namespace asio::experimental::awaitable_operators;
    endpoint_ = url.host + ":" + url.port;
    auto deadline = Clock::now() + timeout;
    boost::system::error_code not_literal;
    const auto address = asio::ip::make_address(url.host, not_literal);
    if (!not_literal) {
        // An IP literal (a local emulator, a proxy): nothing to resolve, no resolver thread.
        unsigned short port = 0;
        auto [end, port_ec] = std::from_chars(url.port.data(), url.port.data() + url.port.size(), port);
        if (port_ec != std::errc{} || end != url.port.data() + url.port.size())
            throw_transport_error(asio::error::invalid_argument, "connecting to", endpoint_);
        arm_deadline(deadline - Clock::now());
        auto [connect_ec] = co_await socket().async_connect(tcp::endpoint(address, port), use_tuple);
        if (connect_ec) {
            deadline_.cancel();
            throw_transport_error(failure(connect_ec), "connecting to", endpoint_);
        }
    } else {
        // Resolution has no timeout of its own: race it against the deadline.
        tcp::resolver resolver(stream_.get_executor());
        asio::steady_timer timer(stream_.get_executor(), deadline);
        auto resolved = co_await (resolver.async_resolve(url.host, url.port, use_tuple) ||
                                  timer.async_wait(use_tuple));
        if (resolved.index() == 1) {
            auto [ec] = std::get<1>(resolved);
            throw_transport_error(ec ? ec : beast::error::timeout, "resolving", endpoint_);
        }
        auto [resolve_ec, endpoints] = std::get<0>(resolved);
        if (resolve_ec) throw_transport_error(resolve_ec, "resolving", endpoint_);

        arm_deadline(deadline - Clock::now());
        // Once the deadline has cancelled one attempt, try no further address.
        auto before_deadline = [this](const beast::error_code&, const tcp::endpoint&) { return !timed_out_; };
        auto [connect_ec, _] = co_await asio::async_connect(socket(), endpoints, before_deadline, use_tuple);
        if (connect_ec) {
            deadline_.cancel();
            throw_transport_error(failure(connect_ec), "connecting to", endpoint_);
        }
    }
    // The deadline armed above still runs: it bounds the handshake too.
    beast::error_code ignored;  // Nagle's algorithm only delays; its setting cannot fail a call
    socket().set_option(tcp::no_delay(true), ignored);

    // SNI, so virtual hosts serve the right certificate; then verify the name against it.
    if (!SSL_set_tlsext_host_name(stream_.native_handle(), url.host.c_str())) {
        deadline_.cancel();
        throw_transport_error(beast::error_code(static_cast<int>(::ERR_get_error()),
                                                asio::error::get_ssl_category()),
                              "setting SNI for", endpoint_);
    }
    stream_.set_verify_callback(asio::ssl::host_name_verification(url.host));
    if (sessions_) sessions_->attach(stream_.native_handle());
    auto [handshake_ec] = co_await stream_.async_handshake(asio::ssl::stream_base::client, use_tuple);
    deadline_.cancel();
    if (handshake_ec) throw_transport_error(failure(handshake_ec), "TLS handshake with", endpoint_);
    resumed_ = SSL_session_reused(stream_.native_handle()) == 1;
    reusable_ = true;
    mark_idle();
}

beast::error_code Connection::failure(beast::error_code ec) const noexcept {
    // Once our deadline has cancelled the socket, whatever the operation reports (aborted,
    // or no address left to try) is that timeout. Anyone else's cancellation stays
    // operation_aborted.
    return timed_out_ ? beast::error::timeout : ec;
}

void Connection::arm_deadline(Clock::duration timeout) {
    // One timer per connect or exchange instead of per operation: a response read in many
    // records would otherwise arm, cancel and complete a timer for every read.
    timed_out_ = false;
    const auto id = ++deadlines_;
    deadline_.expires_after(timeout);
    deadline_.async_wait([this, alive = std::weak_ptr<void>(alive_), id](boost::system::error_code ec) {
        // Cancelled (the operation finished) or a connection gone: nothing to do. An expiry
        // queued just before a later exchange began must not cut that one short.
        if (ec || alive.expired() || id != deadlines_) return;
        timed_out_ = true;
        socket().cancel(ec);
    });
}

asio::awaitable<Response> Connection::exchange(const Request& request, Clock::duration timeout,
                                               std::size_t body_limit) {
    reusable_ = false;
    failed_before_response_ = false;
    failed_while_writing_ = false;
    ++exchanges_;
    // One deadline for the whole exchange: write and read share it.
    arm_deadline(timeout);

    serialize(request, request_bytes_);
    auto [write_ec, written] = co_await asio::async_write(stream_, asio::buffer(request_bytes_), use_tuple);
    if (request_bytes_.capacity() > kept_request_capacity) std::string().swap(request_bytes_);
    if (write_ec) {
        deadline_.cancel();
        failed_before_response_ = true;
        failed_while_writing_ = true;
        throw_transport_error(failure(write_ec), "sending request to", endpoint_);
    }

    beast::http::response_parser<beast::http::string_body> parser;
    parser.body_limit(body_limit);
    parser.header_limit(64 * 1024);
    auto [read_ec, read] = co_await beast::http::async_read(stream_, buffer_, parser, use_tuple);
    deadline_.cancel();
    if (read_ec) {
        failed_before_response_ = !parser.got_some();
        throw_transport_error(failure(read_ec), "reading response from", endpoint_);
    }
    Response response = parser.release();
    reusable_ = response.keep_alive();
    mark_idle();
    co_return response;
}

bool Connection::looks_alive() noexcept {
    if (!socket().is_open() || SSL_pending(stream_.native_handle()) > 0 || buffer_.size() > 0)
        return false;
    char byte;
    auto n = ::recv(socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n >= 0) return false;  // 0: peer closed; >0: unsolicited bytes on an idle connection
    return errno == EAGAIN || errno == EWOULDBLOCK;
}

void Connection::force_close() noexcept {
    reusable_ = false;
    beast::error_code ignored;
    socket().shutdown(tcp::socket::shutdown_both, ignored);
    socket().close(ignored);
}

void Connection::drop_idle() noexcept {
    // Tell OpenSSL the connection ended cleanly; otherwise freeing the SSL marks its session
    // not resumable, and the next connection would pay for a full handshake.
    SSL_set_shutdown(stream_.native_handle(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    force_close();
}

asio::awaitable<void> Connection::graceful_close(Clock::duration timeout) {
    if (socket().is_open()) {
        arm_deadline(timeout);
        // stream_truncated or a timeout here is harmless: we are leaving anyway.
        co_await stream_.async_shutdown(use_tuple);
        deadline_.cancel();
    }
    force_close();
}

}  // namespace revolut::http
