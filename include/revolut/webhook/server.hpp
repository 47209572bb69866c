#pragma once
// WebhookServer: a standalone HTTP/HTTPS server around a WebhookHandler, on the caller's
// executor. Use it when the service has no HTTP server of its own; otherwise hand requests to
// WebhookHandler::handle from yours (see receiver.hpp).
//
// Connection handling:
//  - HTTP/1.1 with keep-alive; requests on one connection are answered in order.
//  - Timeouts: a connection waiting for a request is closed after idle_timeout; once a
//    request's first byte has arrived its header must be complete within header_timeout and
//    its body within body_timeout (so clients trickling bytes are dropped). The TLS handshake
//    gets header_timeout. A user handler is not timed: bound it yourself if it may hang.
//  - A body over body_limit gets 413 (a header over header_limit 431, garbage 400), then the
//    connection is closed; a target other than `path` gets 404.
//  - At most max_connections are served at once. While that many are open the server stops
//    accepting: further clients wait in the kernel's accept backlog (their connect succeeds,
//    their request is answered once a connection ends) or, when the backlog is full, are
//    refused by the OS. Nothing is accepted just to be closed.
//  - stop() is graceful: it stops accepting, closes idle connections, lets requests being
//    read or handled finish (their responses carry `Connection: close`), and after
//    stop_timeout closes whatever is left.
//
// Threading: the server and all its connections run on one strand of the given executor, so
// user handlers of one server never run in parallel (they do interleave at co_await points).
// Call start(), close() and the destructor from a thread of that executor or while it is not
// running; stop() and stats() from anywhere.

#include <revolut/webhook/receiver.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace revolut::webhook {

/// Where and how WebhookServer listens. The defaults serve plain HTTP on loopback.
struct WebhookServerOptions {
    /// IP address to listen on ("0.0.0.0" or "::" for every interface).
    std::string host = "127.0.0.1";
    /// 0: the OS picks a free port (see WebhookServer::port()).
    std::uint16_t port = 0;
    /// Serve only this request target (its query string is ignored), e.g. "/revolut/webhook";
    /// other targets get 404. Empty: every target is the webhook.
    std::string path;

    /// HTTPS: the certificate chain (leaf first) and its private key, as PEM text or as PEM
    /// files; one pair, not both. Neither: plain HTTP (e.g. behind a TLS-terminating proxy).
    std::optional<std::string> certificate_chain_pem;
    std::optional<std::string> private_key_pem;  ///< a secret: never logged or reported
    std::optional<std::filesystem::path> certificate_chain_file;
    std::optional<std::filesystem::path> private_key_file;

    /// Larger request bodies get 413 (Revolut's deliveries are a few KiB).
    std::size_t body_limit = 1024 * 1024;
    /// Larger request headers get 431.
    std::uint32_t header_limit = 16 * 1024;
    /// An open connection with no request started is closed after this long.
    std::chrono::milliseconds idle_timeout{30'000};
    /// TLS handshake; and from a request's first byte to the end of its header.
    std::chrono::milliseconds header_timeout{10'000};
    /// From the end of the header to the end of the body.
    std::chrono::milliseconds body_timeout{30'000};
    /// Writing one response.
    std::chrono::milliseconds write_timeout{30'000};
    /// Connections served at once; more wait in the accept backlog.
    std::size_t max_connections = 128;
    /// Length of the kernel's accept backlog (listen(2)); 0: the system's maximum.
    int backlog = 0;
    /// How long stop() waits for in-flight requests before closing their connections.
    std::chrono::milliseconds stop_timeout{10'000};
};

/// Counters since start: the handler's (requests here include those the server answered
/// itself: 404, 413, 431, 400) plus the server's own.
struct WebhookServerStats : WebhookHandlerStats {
    std::size_t connections_accepted = 0;
    std::size_t connections_active = 0;
    std::size_t too_large = 0;  ///< answered 413
    std::size_t timeouts = 0;   ///< dropped: handshake, header or body not received in time
};

/// The standalone receiver.
class WebhookServer {
public:
    using executor_type = boost::asio::any_io_executor;

    /// Validates the options (Errc::invalid_argument: half a certificate pair, both PEM text
    /// and files, a certificate or key OpenSSL cannot load, max_connections 0) and prepares
    /// TLS; nothing listens yet.
    WebhookServer(executor_type executor, WebhookHandler handler, WebhookServerOptions options = {});
    /// Closes the listener and every connection at once (close()); prefer `co_await stop()`.
    ~WebhookServer();
    WebhookServer(const WebhookServer&) = delete;
    WebhookServer& operator=(const WebhookServer&) = delete;

    /// Binds and listens before returning (so port() and url() are valid), then accepts on
    /// the executor. Throws revolut::Error(Errc::invalid_argument) for a host that is not an IP
    /// address, boost::system::system_error when binding fails. Once only.
    void start();

    /// Graceful stop (see the top of this header); completes, with void(std::exception_ptr),
    /// when every connection has ended or stop_timeout has passed and the rest were closed.
    /// Idempotent; a second call waits like the first.
    template <class Token = boost::asio::use_awaitable_t<>>
    auto stop(Token&& token = {}) {
        return boost::asio::co_spawn(strand(), do_stop(core_), std::forward<Token>(token));
    }

    /// Immediate stop: closes the listener and every connection; handlers still running
    /// finish, but their responses are not sent. Idempotent.
    void close();

    /// The bound port (after start()).
    std::uint16_t port() const;
    /// Whether HTTPS is served.
    bool is_tls() const noexcept;
    /// `http[s]://<host>:<port><path>` (after start()): the URL to register with
    /// create_webhook (for a host of 0.0.0.0/::, substitute a name clients can reach).
    std::string url() const;

    /// The handler, e.g. for set_signing_secrets after a rotation. Register event handlers
    /// before start().
    WebhookHandler& handler() noexcept;

    WebhookServerStats stats() const;

    executor_type get_executor() const noexcept;

    struct Core;  // internal

private:
    executor_type strand() const noexcept;
    static boost::asio::awaitable<void> do_stop(std::shared_ptr<Core> core);

    std::shared_ptr<Core> core_;
};

}  // namespace revolut::webhook
