#include "mock/http_session.hpp"

#include "mock/faults.hpp"
#include "mock/json_responses.hpp"
#include "mock/routes.hpp"
#include "mock/server_core.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <array>
#include <chrono>

namespace revolut::mock {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using namespace std::chrono_literals;

namespace {

constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);

constexpr auto handshake_timeout = 10s;
constexpr auto body_timeout = 30s;
constexpr auto write_timeout = 30s;
// How long a graceful close waits for the client's close_notify.
constexpr auto shutdown_timeout = 1s;
constexpr std::uint32_t header_limit = 16 * 1024;

// How long a reset waits after the partial body, so the client has read it: the fault is a
// response cut mid-body, not a connection refused before any answer.
constexpr auto reset_pause = 50ms;

}  // namespace

HttpSession::HttpSession(std::shared_ptr<ServerCore> core, asio::ip::tcp::socket socket)
    : core_(std::move(core)),
      stream_(beast::tcp_stream(std::move(socket)), core_->tls),
      delay_timer_(core_->executor) {}

asio::awaitable<void> HttpSession::run(std::shared_ptr<HttpSession> self) {
    try {
        co_await self->serve();
    } catch (const std::exception&) {
        // Nothing to report to: the connection is simply closed below.
    }
    self->close_socket();
}

void HttpSession::stop() {
    if (stopping_) return;
    stopping_ = true;
    switch (phase_) {
    case Phase::handshake:
    case Phase::reading: beast::get_lowest_layer(stream_).cancel(); break;
    case Phase::delaying: delay_timer_.cancel(); break;
    case Phase::writing:
    case Phase::closing: break;  // finishes on its own, bounded by its timeout
    }
}

asio::awaitable<void> HttpSession::serve() {
    auto& tcp = beast::get_lowest_layer(stream_);
    phase_ = Phase::handshake;
    tcp.expires_after(handshake_timeout);
    if (core_->faults.take_tls_failure()) {
        ++core_->state.stats.faults_applied;
        co_await fail_handshake();
        co_return;
    }
    auto [handshake_ec] = co_await stream_.async_handshake(asio::ssl::stream_base::server, nothrow);
    if (handshake_ec || stopping_) co_return;
    ++core_->state.stats.tls_handshakes;

    beast::flat_buffer buffer;
    Next next = Next::keep_alive;
    while (next == Next::keep_alive && !stopping_) {
        next = co_await serve_one_request(buffer);
    }
    if (next != Next::drop) co_await shutdown_tls();
}

asio::awaitable<HttpSession::Next> HttpSession::serve_one_request(beast::flat_buffer& buffer) {
    auto& tcp = beast::get_lowest_layer(stream_);
    http::request_parser<http::string_body> parser;
    parser.header_limit(header_limit);
    parser.body_limit(core_->options.body_limit);

    // The idle timeout covers the wait for a request and its header; the body gets its own.
    phase_ = Phase::reading;
    tcp.expires_after(core_->options.idle_timeout);
    auto [ec, header_bytes] = co_await http::async_read_header(stream_, buffer, parser, nothrow);
    if (!ec) {
        tcp.expires_after(body_timeout);
        std::size_t body_bytes = 0;
        std::tie(ec, body_bytes) = co_await http::async_read(stream_, buffer, parser, nothrow);
    }
    if (ec) co_return co_await answer_unreadable_request(ec);

    ++core_->state.stats.requests;
    Request request = parser.release();
    if (is_token_request(request)) ++core_->state.stats.token_requests;
    auto fault = core_->faults.take(request.method(), request.target());
    if (!fault) {
        auto response = core_->router.dispatch(request, core_->state, current_time());
        co_return co_await send(std::move(response), request.version(), request.keep_alive());
    }
    ++core_->state.stats.faults_applied;
    if (fault->delay > std::chrono::milliseconds::zero()) {
        phase_ = Phase::delaying;
        delay_timer_.expires_after(fault->delay);
        co_await delay_timer_.async_wait(nothrow);
        if (stopping_) co_return Next::close;
    }
    if (fault->close_before_response) co_return Next::drop;
    auto response = fault->status ? fault_response(*fault)
                                  : core_->router.dispatch(request, core_->state, current_time());
    alter_response(response, *fault, std::chrono::system_clock::now());
    if (fault->reset_mid_body || fault->truncated_body) {
        co_return co_await send_partial(std::move(response), request.version(),
                                        fault->reset_mid_body);
    }
    co_return co_await send(std::move(response), request.version(), request.keep_alive());
}

// A request that could not be read: the client left, went quiet, or sent something that is not
// HTTP within our limits (answered, then the connection is closed: the stream is out of sync).
asio::awaitable<HttpSession::Next> HttpSession::answer_unreadable_request(
    boost::system::error_code ec) {
    if (ec == http::error::end_of_stream || stopping_) co_return Next::close;
    if (ec == http::error::body_limit) {
        co_return co_await send(
            error_response(http::status::payload_too_large, 413, "Request body too large"), 11,
            false);
    }
    if (ec == http::error::header_limit) {
        co_return co_await send(error_response(http::status::request_header_fields_too_large, 431,
                                               "Request header too large"),
                                11, false);
    }
    if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
        ec != http::error::partial_message) {
        co_return co_await send(error_response(http::status::bad_request, 400, "Malformed request"),
                                11, false);
    }
    co_return Next::drop;  // timeout, reset, truncated TLS stream
}

asio::awaitable<HttpSession::Next> HttpSession::send(Response response, unsigned version,
                                                     bool keep_alive) {
    phase_ = Phase::writing;
    response.version(version);
    response.keep_alive(keep_alive && !stopping_);
    response.set(http::field::server, "revolut-mock");
    response.prepare_payload();
    beast::get_lowest_layer(stream_).expires_after(write_timeout);
    auto [ec, written] = co_await http::async_write(stream_, response, nothrow);
    if (ec) co_return Next::drop;
    co_return response.keep_alive() ? Next::keep_alive : Next::close;
}

asio::awaitable<HttpSession::Next> HttpSession::send_partial(Response response, unsigned version,
                                                             bool reset) {
    phase_ = Phase::writing;
    response.version(version);
    response.keep_alive(true);  // nothing in the header warns the client
    response.set(http::field::server, "revolut-mock");
    std::string body = std::move(response.body());
    response.body().clear();
    // Announce more than is sent: the whole body, and at least one byte.
    response.content_length(std::max<std::size_t>(body.size(), 1));
    const std::size_t sent = body.size() / 2;
    auto& tcp = beast::get_lowest_layer(stream_);
    tcp.expires_after(write_timeout);
    http::response_serializer<http::string_body> serializer(response);
    auto [header_ec, header_bytes] = co_await http::async_write_header(stream_, serializer, nothrow);
    if (header_ec) co_return Next::drop;
    auto [body_ec, body_bytes] = co_await asio::async_write(stream_, asio::buffer(body.data(), sent), nothrow);
    if (body_ec) co_return Next::drop;
    if (!reset) co_return Next::close;  // TLS close_notify, then FIN: a clean early end

    phase_ = Phase::delaying;
    delay_timer_.expires_after(reset_pause);
    co_await delay_timer_.async_wait(nothrow);
    // SO_LINGER 0 makes close() send RST instead of FIN.
    boost::system::error_code ec;
    tcp.socket().set_option(asio::socket_base::linger(true, 0), ec);
    tcp.socket().close(ec);
    co_return Next::drop;
}

asio::awaitable<void> HttpSession::fail_handshake() {
    auto& tcp = beast::get_lowest_layer(stream_);
    std::array<char, 4096> hello{};
    auto [read_ec, read] = co_await tcp.async_read_some(asio::buffer(hello), nothrow);
    if (read_ec || stopping_) co_return;
    // TLS record: alert (21), version 3.3, length 2, level fatal (2), handshake_failure (40).
    static constexpr unsigned char alert[] = {21, 3, 3, 0, 2, 2, 40};
    auto [write_ec, written] = co_await asio::async_write(tcp, asio::buffer(alert), nothrow);
    if (write_ec) co_return;
    // Wait for the client to hang up, so closing does not reset the connection before it has
    // read the alert.
    boost::system::error_code ec;
    tcp.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    tcp.expires_after(shutdown_timeout);
    for (;;) {
        auto [drain_ec, drained] = co_await tcp.async_read_some(asio::buffer(hello), nothrow);
        if (drain_ec) co_return;
    }
}

asio::awaitable<void> HttpSession::shutdown_tls() {
    phase_ = Phase::closing;
    beast::get_lowest_layer(stream_).expires_after(shutdown_timeout);
    auto [ec] = co_await stream_.async_shutdown(nothrow);
    (void)ec;  // the client may already be gone; closing is all that is left either way
}

void HttpSession::close_socket() {
    boost::system::error_code ec;
    auto& socket = beast::get_lowest_layer(stream_).socket();
    socket.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    socket.close(ec);
}

}  // namespace revolut::mock
