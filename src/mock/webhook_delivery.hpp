#pragma once
// Webhook delivery: an event becomes one signed POST per subscribed webhook, sent in the
// background on the server's executor, retried like Revolut does (3 more times, a fixed
// interval apart), and recorded as a failed event when every attempt fails.

#include "mock/http_message.hpp"
#include "mock/webhook_target.hpp"

#include <revolut/types.hpp>
#include <revolut/webhook/events.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <cstddef>
#include <memory>
#include <string>

namespace revolut::mock {

struct ServerCore;

/// Starts a delivery of `event` to every webhook subscribed to its type (none after stop).
void publish_event(const std::shared_ptr<ServerCore>& core, const webhook::Event& event);

/// The TLS client context deliveries use: the system trust store (when it loads), the
/// emulator's CA, the receivers' CA and ServerOptions::webhook_ca_pem. Built on first use.
boost::asio::ssl::context& delivery_tls_context(ServerCore& core);

/// One event on its way to one webhook. Owned by its own coroutine (see run()).
class WebhookDelivery : public std::enable_shared_from_this<WebhookDelivery> {
public:
    /// Revolut's attempts per delivery: the first and three retries.
    static constexpr std::size_t max_attempts = 4;

    WebhookDelivery(std::shared_ptr<ServerCore> core, Uuid webhook_id, std::string body);

    /// Attempts the delivery until it succeeds, every attempt has failed, the webhook is
    /// deleted or stop() is called. Never throws.
    static boost::asio::awaitable<void> run(std::shared_ptr<WebhookDelivery> self);
    /// Cuts short the current attempt or retry wait; nothing more is sent. Idempotent.
    void stop();

private:
    enum class Outcome { delivered, failed, abandoned };
    using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

    boost::asio::awaitable<void> deliver();
    boost::asio::awaitable<Outcome> attempt(std::string& url);
    boost::asio::awaitable<bool> exchange(const WebhookTarget& target, Request request);
    void arm_watchdog();
    void cancel_io();
    bool interrupted() const { return stopping_ || timed_out_; }

    std::shared_ptr<ServerCore> core_;
    Uuid webhook_id_;
    std::string body_;
    boost::asio::ip::tcp::resolver resolver_;
    boost::asio::steady_timer retry_timer_;
    boost::asio::steady_timer watchdog_;
    std::unique_ptr<boost::beast::tcp_stream> plain_;
    std::unique_ptr<TlsStream> tls_;
    std::size_t attempt_number_ = 0;
    bool timed_out_ = false;
    bool stopping_ = false;
};

}  // namespace revolut::mock
