#include "http/connection_pool.hpp"

#include "http/transport_error.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>

#include <algorithm>

namespace revolut::http {

namespace asio = boost::asio;

// A caller waiting for a free connection. Whoever frees one either hands it over directly
// or grants the right to open a new one, then wakes the waiter by cancelling its timer.
struct ConnectionPool::Waiter {
    asio::steady_timer timer;
    std::shared_ptr<Connection> handed;
    bool slot_granted = false;
    bool aborted = false;
};

ConnectionPool::ConnectionPool(asio::any_io_executor executor,
                               std::shared_ptr<asio::ssl::context> tls, BaseUrl url,
                               PoolSettings settings)
    : executor_(std::move(executor)),
      tls_(std::move(tls)),
      url_(std::move(url)),
      settings_(settings) {
    in_use_.reserve(std::min<std::size_t>(settings_.max_connections, 1024));
}

ConnectionPool::~ConnectionPool() {
    for (auto& c : idle_) c->drop_idle();
}

std::shared_ptr<Connection> ConnectionPool::take_idle() {
    auto now = Clock::now();
    while (!idle_.empty()) {
        auto connection = std::move(idle_.back());
        idle_.pop_back();
        if (now - connection->idle_since() < settings_.idle_timeout && connection->looks_alive()) {
            ++stats_.reuses;
            in_use_.push_back(connection.get());
            return connection;
        }
        connection->drop_idle();
        --open_;
    }
    return nullptr;
}

asio::awaitable<std::shared_ptr<Connection>> ConnectionPool::open_new(Clock::time_point deadline) {
    // The slot is already counted in open_; give it back if connecting fails.
    auto connection = std::make_shared<Connection>(executor_, *tls_, sessions_);
    in_use_.push_back(connection.get());
    try {
        auto timeout = std::min<Clock::duration>(settings_.connect_timeout, deadline - Clock::now());
        co_await connection->connect(url_, timeout);
    } catch (...) {
        forget_in_use(connection.get());
        free_slot();
        throw;
    }
    ++stats_.connections_opened;
    if (connection->resumed()) ++stats_.connections_resumed;
    co_return connection;
}

asio::awaitable<std::shared_ptr<Connection>> ConnectionPool::acquire(Clock::time_point deadline) {
    if (auto idle = take_idle()) co_return idle;
    if (open_ < settings_.max_connections) {
        ++open_;
        co_return co_await open_new(deadline);
    }

    Waiter waiter{asio::steady_timer(executor_, deadline), nullptr, false, false};
    auto position = waiters_.insert(waiters_.end(), &waiter);
    auto [ec] = co_await waiter.timer.async_wait(asio::as_tuple(asio::use_awaitable));
    // Whoever handed over, granted or aborted has already taken us off the list.
    if (!waiter.handed && !waiter.slot_granted && !waiter.aborted) waiters_.erase(position);

    if (waiter.handed) {
        ++stats_.reuses;
        in_use_.push_back(waiter.handed.get());
        co_return std::move(waiter.handed);
    }
    if (waiter.slot_granted) co_return co_await open_new(deadline);
    if (waiter.aborted || ec == asio::error::operation_aborted)
        throw_transport_error(asio::error::operation_aborted, "waiting for a connection to", url_.host);
    throw_transport_error(boost::beast::error::timeout, "waiting for a connection to", url_.host);
}

void ConnectionPool::forget_in_use(Connection* connection) noexcept {
    // Few enough to scan; swap-and-pop keeps it allocation-free.
    auto it = std::find(in_use_.begin(), in_use_.end(), connection);
    if (it == in_use_.end()) return;
    *it = in_use_.back();
    in_use_.pop_back();
}

void ConnectionPool::release(std::shared_ptr<Connection> connection) {
    forget_in_use(connection.get());
    if (!connection->reusable()) {
        connection->force_close();
        free_slot();
        return;
    }
    if (!waiters_.empty()) {
        auto* waiter = waiters_.front();
        waiters_.pop_front();
        waiter->handed = std::move(connection);
        waiter->timer.cancel();
        return;
    }
    idle_.push_back(std::move(connection));
}

void ConnectionPool::free_slot() {
    if (!waiters_.empty()) {
        auto* waiter = waiters_.front();
        waiters_.pop_front();
        waiter->slot_granted = true;
        waiter->timer.cancel();
        return;
    }
    --open_;
}

void ConnectionPool::cancel_all() {
    for (auto* waiter : waiters_) {
        waiter->aborted = true;
        waiter->timer.cancel();
    }
    waiters_.clear();
    // Closing the sockets completes their pending operations with operation_aborted; the
    // owners then release them, which frees their slots.
    for (auto* connection : in_use_) connection->force_close();
    for (auto& connection : idle_) connection->drop_idle();
    open_ -= idle_.size();
    idle_.clear();
}

asio::awaitable<void> ConnectionPool::close_idle(Clock::duration timeout) {
    auto closing = std::move(idle_);
    idle_.clear();
    for (auto& connection : closing) {
        co_await connection->graceful_close(timeout);
        --open_;
    }
}

}  // namespace revolut::http
