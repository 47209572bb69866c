#include "http/transport.hpp"

#include <boost/asio/error.hpp>
#include <boost/system/system_error.hpp>

namespace revolut::http {

namespace asio = boost::asio;

Transport::Transport(asio::any_io_executor executor, const TlsSettings& tls, BaseUrl url,
                     PoolSettings pool)
    : url_(url), pool_(std::move(executor), make_tls_context(tls), std::move(url), pool) {}

asio::awaitable<Response> Transport::send(Request& request, RequestLimits limits) {
    using Clock = std::chrono::steady_clock;
    auto deadline = Clock::now() + limits.timeout;
    request.set(boost::beast::http::field::host, url_.host_header());
    request.prepare_payload();

    for (int attempt = 0;; ++attempt) {
        auto connection = co_await pool_.acquire(deadline);
        bool reused = connection->exchanges() > 0;
        std::exception_ptr failure;
        try {
            auto response = co_await connection->exchange(request, deadline - Clock::now(),
                                                          limits.body_limit);
            pool_.release(std::move(connection));
            co_return response;
        } catch (const boost::system::system_error& e) {
            failure = std::current_exception();
            bool cancelled = e.code() == asio::error::operation_aborted;
            bool stale = reused && !cancelled && connection->failed_before_response() &&
                         (limits.idempotent || connection->failed_while_writing());
            pool_.release(std::move(connection));
            if (attempt == 0 && stale && Clock::now() < deadline) continue;
        }
        std::rethrow_exception(failure);
    }
}

}  // namespace revolut::http
