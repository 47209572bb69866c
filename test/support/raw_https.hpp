#pragma once
// A deliberately small HTTPS client for tests that talk to revolut-mock directly: one TLS
// connection that trusts only the given CA and checks the host name, requests written and
// read with Beast, a deadline on every step. No pooling, no retries: what the test sends is
// exactly what goes on the wire. MockHarness pairs it with a started emulator, and
// RecordingReceiver is the other direction: a webhook target that records what it is sent.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <revolut/mock/server.hpp>

#include <openssl/ssl.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revolut::test {

using RawRequest = boost::beast::http::request<boost::beast::http::string_body>;
using RawResponse = boost::beast::http::response<boost::beast::http::string_body>;

/// The response body parsed as JSON (throws when it is not JSON).
inline boost::json::value json_of(const RawResponse& response) {
    return boost::json::parse(response.body());
}

/// application/x-www-form-urlencoded text for `fields`: everything but RFC 3986 unreserved
/// characters is percent-encoded.
inline std::string form_encode(
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    auto append = [&](std::string_view text) {
        for (unsigned char c : text) {
            const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                    c == '~';
            if (unreserved) {
                out += static_cast<char>(c);
            } else {
                out += '%';
                out += hex[c >> 4];
                out += hex[c & 0x0F];
            }
        }
    };
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        append(name);
        out += '=';
        append(value);
    }
    return out;
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

    /// A POST of `form` (application/x-www-form-urlencoded) without a bearer token, as sent
    /// to a token endpoint.
    RawRequest make_form_request(std::string target, std::string form) const {
        namespace http = boost::beast::http;
        auto request = make_request(http::verb::post, std::move(target));
        request.set(http::field::content_type, "application/x-www-form-urlencoded");
        request.set(http::field::accept, "application/json");
        request.body() = std::move(form);
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

/// A started emulator that accepts `token` as an access token, and a client (not yet
/// connected) that trusts it.
struct MockHarness {
    static constexpr const char* token = "test-token";

    explicit MockHarness(boost::asio::io_context& ioc, mock::ServerOptions options = {})
        : server(ioc.get_executor(), std::move(options)),
          port(start(server)),
          client(ioc.get_executor(), server.ca_certificate_pem(), port) {}

    /// `method target` with the harness's token and `body` as JSON.
    boost::asio::awaitable<RawResponse> call(boost::beast::http::verb method, std::string target,
                                             std::string body = {}) {
        co_return co_await client.send(
            client.make_request(method, std::move(target), token, std::move(body)));
    }

    mock::Server server;
    std::uint16_t port;
    RawHttpsClient client;

private:
    static std::uint16_t start(mock::Server& server) {
        server.add_access_token(token);
        server.start();
        return server.port();
    }
};

/// A webhook target on 127.0.0.1 for tests: HTTPS with the given certificate (e.g. from
/// mock::Server::issue_certificate) or plain HTTP without one. Records every request and
/// answers the first ones with scripted statuses, the rest with 200. Single-threaded, like
/// the io_context it runs on; its coroutines own its state, so it may be destroyed at any time.
class RecordingReceiver {
public:
    RecordingReceiver(boost::asio::any_io_executor executor,
                      std::optional<mock::CertificateAndKey> certificate)
        : state_(std::make_shared<State>(executor)) {
        namespace asio = boost::asio;
        if (certificate) {
            state_->tls.emplace(asio::ssl::context::tls_server);
            state_->tls->use_certificate_chain(asio::buffer(certificate->certificate_pem));
            state_->tls->use_private_key(asio::buffer(certificate->private_key_pem),
                                         asio::ssl::context::pem);
        }
        const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
        state_->acceptor.open(endpoint.protocol());
        state_->acceptor.bind(endpoint);
        state_->acceptor.listen();
        state_->port = state_->acceptor.local_endpoint().port();
        asio::co_spawn(executor, accept_loop(state_), [](std::exception_ptr) {});
    }
    ~RecordingReceiver() { stop(); }
    RecordingReceiver(const RecordingReceiver&) = delete;
    RecordingReceiver& operator=(const RecordingReceiver&) = delete;

    /// Stops accepting; connections end when their peer closes (or after 5 s of silence).
    void stop() {
        boost::system::error_code ec;
        state_->acceptor.close(ec);
    }

    std::uint16_t port() const { return state_->port; }
    /// `https://127.0.0.1:<port><path>` (http without a certificate).
    std::string url(const std::string& path = "/hook") const {
        return std::string(state_->tls ? "https" : "http") + "://127.0.0.1:" +
               std::to_string(state_->port) + path;
    }
    const std::vector<RawRequest>& requests() const { return state_->requests; }
    /// The next requests are answered with these statuses, in order.
    void answer_with(std::vector<unsigned> statuses) {
        state_->statuses.assign(statuses.begin(), statuses.end());
    }
    /// Every further request is answered with `status`.
    void always_answer(unsigned status) { state_->default_status = status; }
    /// Requests are read and recorded but never answered.
    void never_answer() { state_->silent = true; }

private:
    struct State {
        explicit State(boost::asio::any_io_executor executor)
            : acceptor(executor) {}
        boost::asio::ip::tcp::acceptor acceptor;
        std::optional<boost::asio::ssl::context> tls;
        std::uint16_t port = 0;
        std::vector<RawRequest> requests;
        std::deque<unsigned> statuses;
        unsigned default_status = 200;
        bool silent = false;
    };
    static constexpr std::chrono::seconds idle_limit{5};

    static boost::asio::awaitable<void> accept_loop(std::shared_ptr<State> state) {
        namespace asio = boost::asio;
        for (;;) {
            auto [ec, socket] =
                co_await state->acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
            if (ec) co_return;
            asio::co_spawn(state->acceptor.get_executor(), serve(state, std::move(socket)),
                           [](std::exception_ptr) {});
        }
    }

    static boost::asio::awaitable<void> serve(std::shared_ptr<State> state,
                                              boost::asio::ip::tcp::socket socket) {
        namespace asio = boost::asio;
        boost::beast::tcp_stream tcp(std::move(socket));
        if (!state->tls) {
            co_await exchange(state, tcp, tcp);
            co_return;
        }
        boost::beast::ssl_stream<boost::beast::tcp_stream> tls(std::move(tcp), *state->tls);
        auto& lowest = boost::beast::get_lowest_layer(tls);
        lowest.expires_after(idle_limit);
        co_await tls.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
        co_await exchange(state, tls, lowest);
        lowest.expires_after(idle_limit);
        co_await tls.async_shutdown(asio::as_tuple(asio::use_awaitable));
    }

    template <class Stream>
    static boost::asio::awaitable<void> exchange(std::shared_ptr<State> state, Stream& stream,
                                                 boost::beast::tcp_stream& lowest) {
        namespace asio = boost::asio;
        namespace http = boost::beast::http;
        constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
        boost::beast::flat_buffer buffer;
        for (;;) {
            RawRequest request;
            lowest.expires_after(idle_limit);
            auto [read_ec, read] = co_await http::async_read(stream, buffer, request, nothrow);
            if (read_ec) co_return;
            const bool keep_alive = request.keep_alive();
            state->requests.push_back(std::move(request));
            if (state->silent) continue;  // wait for the peer to give up
            unsigned status = state->default_status;
            if (!state->statuses.empty()) {
                status = state->statuses.front();
                state->statuses.pop_front();
            }
            RawResponse response{static_cast<http::status>(status), 11};
            response.set(http::field::content_type, "text/plain");
            response.body() = "recorded";
            response.keep_alive(keep_alive);
            response.prepare_payload();
            auto [write_ec, written] = co_await http::async_write(stream, response, nothrow);
            if (write_ec || !keep_alive) co_return;
        }
    }

    std::shared_ptr<State> state_;
};

}  // namespace revolut::test
