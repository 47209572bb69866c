// One WebhookServer connection, plain or TLS: (handshake,) then HTTP/1.1 requests answered in
// order until the client closes, a timeout fires, or the server stops. Every socket step has
// a deadline except the user's handler.

#include "webhook/server_core.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <openssl/ssl.h>

#include <array>
#include <chrono>
#include <type_traits>

namespace revolut::detail {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using namespace std::chrono_literals;
using webhook::HttpRequest;
using webhook::HttpResponse;
using webhook::WebhookServerOptions;
using Core = webhook::WebhookServer::Core;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
// How long a graceful TLS close may take to send our close_notify.
constexpr auto shutdown_timeout = 1s;
// After an error response: how long, and how many bytes, we keep reading (and discarding)
// what the client still sends, so that closing does not reset the connection before the
// client has read the response.
constexpr auto linger_timeout = 1s;
constexpr std::size_t linger_limit = 4 * 1024 * 1024;
constexpr std::size_t first_read_size = 4096;

HttpResponse server_error_response(http::status status, std::string_view text) {
    HttpResponse response{status, 11};
    response.keep_alive(false);
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = std::string(text) + "\n";
    return response;
}

template <class Stream>
class Connection final : public WebhookServerConnection {
public:
    Connection(std::shared_ptr<Core> core, Stream stream)
        : core_(std::move(core)), stream_(std::move(stream)) {}

    // Serves the connection to its end; `self` keeps it alive meanwhile. Never throws.
    static asio::awaitable<void> run(std::shared_ptr<Connection> self) {
        try {
            co_await self->serve();
        } catch (const std::exception&) {
            // A broken connection concerns nobody else: it is simply closed below.
        }
        self->close();
        self->core_->connection_ended();
    }

    void stop() override {
        if (stopping_) return;
        stopping_ = true;
        if (phase_ == Phase::idle || phase_ == Phase::handshake) tcp().cancel();
    }

    void close() override { tcp().close(); }

private:
    enum class Phase { handshake, idle, reading, handling, writing, closing };
    enum class Next { keep_alive, close, linger, drop };
    static constexpr bool is_tls = std::is_same_v<Stream, TlsStream>;

    beast::tcp_stream& tcp() { return beast::get_lowest_layer(stream_); }
    const WebhookServerOptions& options() const { return core_->options; }

    asio::awaitable<void> serve() {
        if constexpr (is_tls) {
            phase_ = Phase::handshake;
            tcp().expires_after(options().header_timeout);
            auto [ec] = co_await stream_.async_handshake(asio::ssl::stream_base::server, nothrow);
            if (ec == beast::error::timeout) ++core_->timeouts;
            if (ec) co_return;
        }
        beast::flat_buffer buffer;
        Next next = Next::keep_alive;
        while (next == Next::keep_alive && !stopping_) next = co_await serve_one_request(buffer);
        if (next == Next::keep_alive || next == Next::close) co_await close_gracefully();
        if (next == Next::linger) co_await linger();
    }

    asio::awaitable<Next> serve_one_request(beast::flat_buffer& buffer) {
        // Idle until a request starts: a long wait is fine (keep-alive), a slow request is not.
        if (buffer.size() == 0) {
            phase_ = Phase::idle;
            tcp().expires_after(options().idle_timeout);
            auto [ec, n] = co_await stream_.async_read_some(buffer.prepare(first_read_size), nothrow);
            if (ec) co_return ec == asio::error::eof || ec == beast::error::timeout || stopping_
                                  ? Next::close
                                  : Next::drop;
            buffer.commit(n);
        }

        phase_ = Phase::reading;
        http::request_parser<http::string_body> parser;
        parser.header_limit(options().header_limit);
        parser.body_limit(options().body_limit);
        tcp().expires_after(options().header_timeout);
        auto [ec, header_bytes] = co_await http::async_read_header(stream_, buffer, parser, nothrow);
        if (!ec && beast::iequals(parser.get()[http::field::expect], "100-continue")) {
            // curl and others wait for this before sending a larger body.
            http::response<http::empty_body> go_on{http::status::continue_, 11};
            tcp().expires_after(options().write_timeout);
            std::size_t written = 0;
            std::tie(ec, written) = co_await http::async_write(stream_, go_on, nothrow);
        }
        if (!ec) {
            tcp().expires_after(options().body_timeout);
            std::size_t body_bytes = 0;
            std::tie(ec, body_bytes) = co_await http::async_read(stream_, buffer, parser, nothrow);
        }
        if (ec) co_return co_await answer_unreadable_request(ec);

        HttpRequest request = parser.release();
        if (!options().path.empty()) {
            const std::string_view target(request.target().data(), request.target().size());
            if (target.substr(0, target.find('?')) != options().path) {
                ++core_->server_answered;
                HttpResponse response = server_error_response(http::status::not_found, "not found");
                response.version(request.version());
                response.keep_alive(request.keep_alive());
                co_return co_await send(std::move(response));
            }
        }

        phase_ = Phase::handling;
        tcp().expires_never();  // the handler is the user's to bound
        HttpResponse response = co_await core_->handler.handle(request);
        co_return co_await send(std::move(response));
    }

    // A request that could not be read: the client left, was too slow, or sent something that
    // is not HTTP within our limits (answered, then closed: the stream is out of sync).
    asio::awaitable<Next> answer_unreadable_request(boost::system::error_code ec) {
        if (ec == beast::error::timeout) {
            ++core_->timeouts;
            co_return Next::drop;
        }
        if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted)
            co_return Next::drop;
        if (ec == http::error::body_limit) {
            ++core_->too_large;
            ++core_->server_answered;
            co_return co_await send_then_linger(
                server_error_response(http::status::payload_too_large, "request body too large"));
        }
        if (ec == http::error::header_limit) {
            ++core_->server_answered;
            co_return co_await send_then_linger(server_error_response(
                http::status::request_header_fields_too_large, "request header too large"));
        }
        if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
            ec != http::error::partial_message) {
            ++core_->server_answered;
            co_return co_await send_then_linger(
                server_error_response(http::status::bad_request, "malformed request"));
        }
        co_return Next::drop;  // reset, truncated TLS stream, partial message
    }

    asio::awaitable<Next> send_then_linger(HttpResponse response) {
        const Next next = co_await send(std::move(response));
        co_return next == Next::drop ? Next::drop : Next::linger;
    }

    asio::awaitable<Next> send(HttpResponse response) {
        phase_ = Phase::writing;
        response.keep_alive(response.keep_alive() && !stopping_);
        response.set(http::field::server, "revolut-cpp");
        response.prepare_payload();
        tcp().expires_after(options().write_timeout);
        auto [ec, written] = co_await http::async_write(stream_, response, nothrow);
        if (ec) co_return Next::drop;
        co_return response.keep_alive() ? Next::keep_alive : Next::close;
    }

    asio::awaitable<void> close_gracefully() {
        phase_ = Phase::closing;
        if constexpr (is_tls) {
            // Send our close_notify without waiting for the client's (RFC 8446 6.1 allows it):
            // an idle client that never answers would otherwise hold stop() for the timeout.
            SSL* ssl = stream_.native_handle();
            SSL_set_shutdown(ssl, SSL_get_shutdown(ssl) | SSL_RECEIVED_SHUTDOWN);
            tcp().expires_after(shutdown_timeout);
            auto [ec] = co_await stream_.async_shutdown(nothrow);
            (void)ec;  // the client may already be gone; closing is all that is left
        } else {
            boost::system::error_code ec;
            tcp().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
        }
    }

    // Half-close, then read and discard what the client still sends (e.g. the rest of an
    // oversized body) until it closes, linger_timeout passes, or linger_limit bytes arrived.
    asio::awaitable<void> linger() {
        phase_ = Phase::closing;
        boost::system::error_code ec;
        tcp().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
        tcp().expires_after(linger_timeout);
        std::array<char, 4096> scratch;
        std::size_t discarded = 0;
        while (discarded < linger_limit) {
            auto [read_ec, n] = co_await tcp().async_read_some(asio::buffer(scratch), nothrow);
            if (read_ec) break;
            discarded += n;
        }
    }

    std::shared_ptr<Core> core_;
    Stream stream_;
    Phase phase_ = Phase::idle;
    bool stopping_ = false;
};

template <class Stream>
void start(const std::shared_ptr<Core>& core, Stream stream) {
    auto connection = std::make_shared<Connection<Stream>>(core, std::move(stream));
    std::erase_if(core->connections, [](const auto& weak) { return weak.expired(); });
    core->connections.push_back(connection);
    asio::co_spawn(core->strand, Connection<Stream>::run(std::move(connection)),
                   [](std::exception_ptr) {});
}

}  // namespace

void spawn_webhook_connection(std::shared_ptr<Core> core, asio::ip::tcp::socket socket) {
    if (core->tls)
        start(core, TlsStream(beast::tcp_stream(std::move(socket)), *core->tls));
    else
        start(core, PlainStream(std::move(socket)));
}

}  // namespace revolut::detail
