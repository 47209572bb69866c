#pragma once
// What the WebhookServer listener and its connections share. Connections hold it by
// shared_ptr, so it outlives the WebhookServer object until the last connection has ended.
// Everything here is touched only on `strand`, except the atomic counters (read by stats()).

#include <revolut/webhook/server.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace revolut::detail {

/// One WebhookServer connection, whatever its stream type (server_connection.cpp).
class WebhookServerConnection {
public:
    virtual ~WebhookServerConnection() = default;
    /// Graceful: an idle connection closes now; a request being read or handled finishes
    /// and its response carries `Connection: close`.
    virtual void stop() = 0;
    /// Abrupt: closes the socket; pending operations end with operation_aborted.
    virtual void close() = 0;
};

/// Starts serving `socket` (TLS when core.tls is set) on core.strand.
void spawn_webhook_connection(std::shared_ptr<webhook::WebhookServer::Core> core,
                              boost::asio::ip::tcp::socket socket);

}  // namespace revolut::detail

namespace revolut::webhook {

struct WebhookServer::Core {
    Core(executor_type executor, WebhookHandler handler, WebhookServerOptions options);

    /// A connection's coroutine has finished: frees its slot.
    void connection_ended();

    boost::asio::strand<executor_type> strand;
    WebhookServerOptions options;
    WebhookHandler handler;
    std::optional<boost::asio::ssl::context> tls;
    boost::asio::ip::tcp::acceptor acceptor;
    /// Cancelled when a connection slot frees up (the accept loop waits on it when full).
    boost::asio::steady_timer slot_freed;
    /// The timers of stop() calls waiting for the last connection to end (cancelled then).
    std::vector<boost::asio::steady_timer*> stop_waiters;
    /// Live connections, so stop() and close() can reach them; weak so an ended one is freed.
    std::vector<std::weak_ptr<revolut::detail::WebhookServerConnection>> connections;
    std::size_t active = 0;
    std::uint16_t bound_port = 0;
    bool started = false;
    bool stopping = false;  // stop() or close() called: accept no more

    std::atomic<std::size_t> connections_accepted{0};
    std::atomic<std::size_t> connections_active{0};
    std::atomic<std::size_t> server_answered{0};  // 404, 413, 431, 400 without the handler
    std::atomic<std::size_t> too_large{0};
    std::atomic<std::size_t> timeouts{0};
};

}  // namespace revolut::webhook
