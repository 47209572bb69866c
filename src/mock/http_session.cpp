#include "mock/http_session.hpp"

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"
#include "mock/server_core.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

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

Response fault_response(const Fault& fault) {
    Response response{static_cast<http::status>(*fault.status), 11};
    for (const auto& [name, value] : fault.headers) response.set(name, value);
    const auto status_class = http::to_status_class(response.result());
    const bool body_allowed = status_class != http::status_class::informational &&
                              *fault.status != 204 && *fault.status != 304;
    if (body_allowed && !fault.body.empty()) {
        response.set(http::field::content_type, fault.content_type);
        response.body() = fault.body;
    }
    return response;
}

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
    std::optional<Response> response;
    if (auto fault = core_->faults.take(request.method(), request.target())) {
        if (fault->delay > std::chrono::milliseconds::zero()) {
            phase_ = Phase::delaying;
            delay_timer_.expires_after(fault->delay);
            co_await delay_timer_.async_wait(nothrow);
            if (stopping_) co_return Next::close;
        }
        if (fault->close_before_response) co_return Next::drop;
        if (fault->status) response = fault_response(*fault);
    }
    if (!response) response = core_->router.dispatch(request, core_->state, current_time());
    co_return co_await send(std::move(*response), request.version(), request.keep_alive());
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
