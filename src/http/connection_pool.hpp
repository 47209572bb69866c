#pragma once
// A bounded pool of keep-alive connections to one host. Idle connections are reused (most
// recently used first), checked before reuse, and expire after the idle timeout. When all
// connections are busy, callers wait for one to be released.
//
// Not thread-safe: use it from one strand (AsyncClient runs everything on its strand).

#include "http/base_url.hpp"
#include "http/connection.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <vector>

namespace revolut::http {

struct PoolSettings {
    std::size_t max_connections = 16;
    std::chrono::steady_clock::duration idle_timeout = std::chrono::seconds(30);
    std::chrono::steady_clock::duration connect_timeout = std::chrono::seconds(10);
};

struct PoolStats {
    std::size_t connections_opened = 0;  ///< each one cost a TLS handshake
    std::size_t reuses = 0;              ///< requests served by an already-open connection
    std::size_t connections_resumed = 0; ///< of connections_opened, abbreviated TLS handshakes
};

class ConnectionPool {
public:
    using Clock = std::chrono::steady_clock;

    ConnectionPool(boost::asio::any_io_executor executor,
                   std::shared_ptr<boost::asio::ssl::context> tls, BaseUrl url,
                   PoolSettings settings);
    ~ConnectionPool();

    /// A live connection: an idle one, a new one, or one released by another caller before
    /// `deadline`. Throws Error(timeout | network | tls) or operation_aborted.
    boost::asio::awaitable<std::shared_ptr<Connection>> acquire(Clock::time_point deadline);
    /// A live idle connection at once, or null (then acquire()): the usual case, without
    /// a coroutine of its own.
    std::shared_ptr<Connection> take_idle();
    /// Gives a connection back; it is kept if reusable, closed otherwise.
    void release(std::shared_ptr<Connection> connection);

    /// Aborts every connection in use and every waiter (operation_aborted), closes idle ones.
    void cancel_all();
    /// Closes idle connections with a TLS close_notify.
    boost::asio::awaitable<void> close_idle(Clock::duration timeout);

    const PoolStats& stats() const noexcept { return stats_; }

private:
    struct Waiter;
    boost::asio::awaitable<std::shared_ptr<Connection>> open_new(Clock::time_point deadline);
    void free_slot();
    void forget_in_use(Connection* connection) noexcept;

    boost::asio::any_io_executor executor_;
    std::shared_ptr<boost::asio::ssl::context> tls_;
    std::shared_ptr<TlsSessionCache> sessions_ = std::make_shared<TlsSessionCache>();
    BaseUrl url_;
    PoolSettings settings_;
    std::vector<std::shared_ptr<Connection>> idle_;  // back() is the most recently used
    std::vector<Connection*> in_use_;  // reserved up front: acquiring never allocates
    std::list<Waiter*> waiters_;
    std::size_t open_ = 0;  // idle + in use + connecting
    PoolStats stats_;
};

}  // namespace revolut::http
