#pragma once
// Sends one HTTP request over the pool and returns its response. Knows nothing about
// Revolut: no tokens, no JSON, no status interpretation.

#include "http/base_url.hpp"
#include "http/connection_pool.hpp"
#include "http/message.hpp"
#include "http/tls_context.hpp"
#include "logging/logger.hpp"

#include <revolut/error.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>

namespace revolut::http {

struct RequestLimits {
    std::chrono::steady_clock::duration timeout = std::chrono::seconds(30);
    std::size_t body_limit = 8 * 1024 * 1024;
    /// GET/DELETE-like: safe to send again when a reused connection turns out to be dead.
    bool idempotent = false;
};

/// What Transport::send throws: the transport failure (code and message unchanged: timeout,
/// network, tls, response_too_large, invalid_response or operation_aborted) plus whether the
/// request can have reached the server, which decides whether a non-idempotent request may
/// be retried.
class SendError : public Error {
public:
    SendError(const Error& cause, bool reached_server) : Error(cause), reached_server_(reached_server) {}
    /// False only when the request provably never left: no connection could be had
    /// (resolve, connect, TLS handshake, pool wait) or writing it failed.
    bool reached_server() const noexcept { return reached_server_; }

private:
    bool reached_server_;
};

class Transport {
public:
    Transport(boost::asio::any_io_executor executor, const TlsSettings& tls, BaseUrl url,
              PoolSettings pool, logging::Logger logger = {});

    /// Sends `request` (its target must already include the base path) and reads the
    /// response. `request` is completed in place (Host, Content-Length) and not consumed, so
    /// the caller can send it again without copying it; keep it alive until this completes.
    /// A reused connection that the server had silently closed is replaced transparently
    /// when the request provably never reached the server (or is idempotent). Throws SendError.
    boost::asio::awaitable<Response> send(Request& request, RequestLimits limits);

    const BaseUrl& url() const noexcept { return url_; }
    ConnectionPool& pool() noexcept { return pool_; }
    const logging::Logger& logger() const noexcept { return logger_; }

private:
    void trace_request(const Request& request) const;
    void trace_response(const Response& response) const;

    BaseUrl url_;
    ConnectionPool pool_;
    logging::Logger logger_;
};

}  // namespace revolut::http
