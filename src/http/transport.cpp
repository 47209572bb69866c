#include "http/transport.hpp"

#include "logging/redaction.hpp"

#include <boost/asio/error.hpp>

namespace revolut::http {

namespace asio = boost::asio;

namespace {

// Headers and body of a message as a trace line: every value redacted.
template <class Message>
std::string describe_fields(const Message& message) {
    std::string text;
    for (const auto& field : message) {
        text += "\n  ";
        text.append(field.name_string());
        text += ": ";
        text += logging::redact_header(field.name_string(), field.value());
    }
    if (!message.body().empty()) {
        text += "\n  body: ";
        text += logging::redact_body(message.body(), message[boost::beast::http::field::content_type]);
    }
    return text;
}

}  // namespace

Transport::Transport(asio::any_io_executor executor, const TlsSettings& tls, BaseUrl url,
                     PoolSettings pool, logging::Logger logger)
    : url_(url),
      pool_(std::move(executor), make_tls_context(tls), std::move(url), pool),
      logger_(std::move(logger)) {}

void Transport::trace_request(const Request& request) const {
    if (!logger_.enabled(LogLevel::trace)) return;
    logger_.trace("request " + std::string(request.method_string()) + " " + std::string(request.target()) +
                  describe_fields(request));
}

void Transport::trace_response(const Response& response) const {
    if (!logger_.enabled(LogLevel::trace)) return;
    logger_.trace("response " + std::to_string(response.result_int()) + " " + std::string(response.reason()) +
                  describe_fields(response));
}

asio::awaitable<Response> Transport::send(Request& request, RequestLimits limits) {
    using Clock = std::chrono::steady_clock;
    auto deadline = Clock::now() + limits.timeout;
    request.set(boost::beast::http::field::host, url_.host_header());
    request.prepare_payload();
    trace_request(request);

    for (int attempt = 0;; ++attempt) {
        std::shared_ptr<Connection> connection = pool_.take_idle();
        if (!connection) {
            try {
                connection = co_await pool_.acquire(deadline);
            } catch (const Error& e) {
                throw SendError(e, false);  // no connection: nothing was sent
            }
        }
        bool reused = connection->exchanges() > 0;
        if (logger_.enabled(LogLevel::debug))
            logger_.debug(reused ? "reusing a kept-alive connection to " + url_.host_header()
                                 : "opened a new connection to " + url_.host_header());
        std::exception_ptr failure;
        bool reached_server = true;
        try {
            auto response = co_await connection->exchange(request, deadline - Clock::now(),
                                                          limits.body_limit);
            pool_.release(std::move(connection));
            trace_response(response);
            co_return response;
        } catch (const Error& e) {
            bool cancelled = e.code() == asio::error::operation_aborted;
            reached_server = !connection->failed_while_writing();
            bool stale = reused && !cancelled && connection->failed_before_response() &&
                         (limits.idempotent || connection->failed_while_writing());
            failure = std::make_exception_ptr(SendError(e, reached_server));
            pool_.release(std::move(connection));
            if (attempt == 0 && stale && Clock::now() < deadline) {
                logger_.debug("the server had closed the kept-alive connection; resending on a new one");
                continue;
            }
        }
        std::rethrow_exception(failure);
    }
}

}  // namespace revolut::http
