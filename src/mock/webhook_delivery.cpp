#include "mock/webhook_delivery.hpp"

#include "mock/server_core.hpp"

#include "http/tls_context.hpp"
#include "json/exact_json.hpp"

#include <revolut/error.hpp>
#include <revolut/webhook/verify.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <openssl/ssl.h>

#include <algorithm>

namespace revolut::mock {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
// A receiver's response header larger than this ends the attempt as failed.
constexpr std::uint32_t response_header_limit = 16 * 1024;

std::string host_header(const WebhookTarget& target) {
    std::string host = target.host.find(':') != std::string::npos ? "[" + target.host + "]"
                                                                  : target.host;
    const std::uint16_t default_port = target.tls ? 443 : 80;
    if (target.port != default_port) host += ":" + std::to_string(target.port);
    return host;
}

// One signature per secret valid now: after a rotation with an expiration period the
// receiver can verify with either secret.
std::string signature_header(const std::vector<std::string>& secrets, const std::string& timestamp,
                             const std::string& body) {
    std::string header;
    for (const auto& secret : secrets) {
        if (!header.empty()) header += ',';
        header += webhook::sign_payload(secret, timestamp, body);
    }
    return header;
}

// The CAs a delivery trusts besides the system store, as one PEM bundle.
std::string trusted_ca_bundle(const ServerCore& core) {
    std::string bundle = core.certificate.ca_pem;
    if (core.receiver_ca && core.receiver_ca->certificate_pem != core.certificate.ca_pem) {
        bundle += "\n" + core.receiver_ca->certificate_pem;
    }
    if (core.options.webhook_ca_pem) bundle += "\n" + *core.options.webhook_ca_pem;
    return bundle;
}

// The envelope as the failed-events route serves it: a JSON object with exact numbers.
boost::json::object payload_of(const std::string& body) {
    boost::system::error_code ec;
    auto value = detail::parse_json_exact(body, ec);
    if (ec || !value.is_object()) return {};
    return std::move(value.as_object());
}

}  // namespace

asio::ssl::context& delivery_tls_context(ServerCore& core) {
    if (!core.delivery_tls) {
        revolut::http::TlsSettings settings;
        settings.ca_pem = trusted_ca_bundle(core);
        try {
            core.delivery_tls = revolut::http::make_tls_context(settings);
        } catch (const Error&) {
            // No usable system store here: the emulator's own CAs still work.
            settings.use_system_trust_store = false;
            core.delivery_tls = revolut::http::make_tls_context(settings);
        }
    }
    return *core.delivery_tls;
}

void publish_event(const std::shared_ptr<ServerCore>& core, const webhook::Event& event) {
    if (core->stopped) return;
    std::string name(webhook::event_name(event.data));
    if (name.empty()) name = std::string(event.event.str());
    std::string body;
    for (const auto& stored : core->state.webhooks.all()) {
        if (std::find(stored.events.begin(), stored.events.end(), name) == stored.events.end()) {
            continue;
        }
        if (body.empty()) body = webhook::serialize_event(event);
        auto delivery = std::make_shared<WebhookDelivery>(core, stored.id, body);
        std::erase_if(core->deliveries, [](const auto& weak) { return weak.expired(); });
        core->deliveries.push_back(delivery);
        asio::co_spawn(core->executor, WebhookDelivery::run(std::move(delivery)),
                       [](std::exception_ptr) {});
    }
}

WebhookDelivery::WebhookDelivery(std::shared_ptr<ServerCore> core, Uuid webhook_id,
                                 std::string body)
    : core_(std::move(core)),
      webhook_id_(webhook_id),
      body_(std::move(body)),
      resolver_(core_->executor),
      retry_timer_(core_->executor),
      watchdog_(core_->executor) {}

asio::awaitable<void> WebhookDelivery::run(std::shared_ptr<WebhookDelivery> self) {
    try {
        co_await self->deliver();
    } catch (const std::exception&) {
        // A delivery concerns nobody else; the emulator keeps serving.
    }
    self->cancel_io();
}

void WebhookDelivery::stop() {
    if (stopping_) return;
    stopping_ = true;
    retry_timer_.cancel();
    watchdog_.cancel();
    cancel_io();
}

void WebhookDelivery::cancel_io() {
    boost::system::error_code ec;
    resolver_.cancel();
    if (plain_) plain_->socket().close(ec);
    if (tls_) beast::get_lowest_layer(*tls_).socket().close(ec);
}

asio::awaitable<void> WebhookDelivery::deliver() {
    std::optional<Timestamp> first_attempt;
    std::string url;
    for (std::size_t i = 0; i < max_attempts; ++i) {
        if (i > 0) {
            retry_timer_.expires_after(core_->options.webhook_retry_interval);
            co_await retry_timer_.async_wait(nothrow);
        }
        if (stopping_) co_return;
        const auto started = current_time();
        if (!first_attempt) first_attempt = started;
        const auto outcome = co_await attempt(url);
        if (outcome == Outcome::abandoned || stopping_) co_return;
        if (outcome == Outcome::delivered) {
            ++core_->state.stats.deliveries_succeeded;
            co_return;
        }
        if (i + 1 == max_attempts) {
            ++core_->state.stats.deliveries_failed;
            core_->state.webhooks.record_failed_delivery(webhook_id_, url, *first_attempt,
                                                         started, payload_of(body_));
        }
    }
}

// One POST. The webhook is looked up again each time: its URL may have changed and its
// secrets rotated since the event; a deleted webhook gets nothing more.
asio::awaitable<WebhookDelivery::Outcome> WebhookDelivery::attempt(std::string& url) {
    const auto* stored = core_->state.webhooks.find(webhook_id_);
    if (stored == nullptr) co_return Outcome::abandoned;
    url = stored->url;
    const auto now = current_time();
    const auto secrets = core_->state.webhooks.valid_signing_secrets(webhook_id_, now);
    ++core_->state.stats.deliveries_attempted;

    const auto target = parse_webhook_target(url);
    if (!target) co_return Outcome::failed;  // e.g. plain http to a host that is not local

    const auto timestamp = webhook::format_request_timestamp(now);
    Request request{http::verb::post, target->target, 11};
    request.set(http::field::host, host_header(*target));
    request.set(http::field::user_agent, "revolut-mock");
    request.set(http::field::content_type, "application/json");
    request.set(webhook::timestamp_header, timestamp);
    request.set(webhook::signature_header, signature_header(secrets, timestamp, body_));
    request.keep_alive(false);
    request.body() = body_;
    request.prepare_payload();

    arm_watchdog();
    bool delivered = false;
    try {
        delivered = co_await exchange(*target, std::move(request));
    } catch (const std::exception&) {
        delivered = false;  // refused, reset, TLS failure, malformed response
    }
    ++attempt_number_;  // the watchdog of this attempt no longer applies
    watchdog_.cancel();
    cancel_io();
    plain_.reset();
    tls_.reset();
    co_return delivered ? Outcome::delivered : Outcome::failed;
}

void WebhookDelivery::arm_watchdog() {
    timed_out_ = false;
    watchdog_.expires_after(core_->options.webhook_delivery_timeout);
    watchdog_.async_wait([weak = weak_from_this(), armed_for = attempt_number_](
                             const boost::system::error_code& ec) {
        auto self = weak.lock();
        if (ec || !self || self->attempt_number_ != armed_for) return;
        self->timed_out_ = true;
        self->cancel_io();
    });
}

// Connects (TLS verified against delivery_tls_context, with SNI and host-name check for
// https), writes the request and reads the response header: 2xx is a delivery. The body of
// the answer does not matter and is not read.
asio::awaitable<bool> WebhookDelivery::exchange(const WebhookTarget& target,
                                                Request request) {
    const auto flags = target.host_is_ip ? asio::ip::resolver_base::numeric_host
                                         : asio::ip::resolver_base::flags();
    auto endpoints = co_await resolver_.async_resolve(target.host, std::to_string(target.port),
                                                      flags, asio::use_awaitable);
    if (interrupted()) co_return false;

    beast::tcp_stream* tcp = nullptr;
    if (target.tls) {
        tls_ = std::make_unique<TlsStream>(core_->executor, delivery_tls_context(*core_));
        tcp = &beast::get_lowest_layer(*tls_);
    } else {
        plain_ = std::make_unique<beast::tcp_stream>(core_->executor);
        tcp = plain_.get();
    }
    co_await tcp->async_connect(endpoints, asio::use_awaitable);
    if (interrupted()) co_return false;
    boost::system::error_code ignored;  // a delivery is a few small writes: no Nagle delays
    tcp->socket().set_option(asio::ip::tcp::no_delay(true), ignored);

    http::response_parser<http::empty_body> parser;
    parser.header_limit(response_header_limit);
    beast::flat_buffer buffer;
    if (target.tls) {
        if (!target.host_is_ip &&
            SSL_set_tlsext_host_name(tls_->native_handle(), target.host.c_str()) != 1) {
            co_return false;
        }
        tls_->set_verify_mode(asio::ssl::verify_peer);
        tls_->set_verify_callback(asio::ssl::host_name_verification(target.host));
        co_await tls_->async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
        if (interrupted()) co_return false;
        co_await http::async_write(*tls_, request, asio::use_awaitable);
        if (interrupted()) co_return false;
        co_await http::async_read_header(*tls_, buffer, parser, asio::use_awaitable);
    } else {
        co_await http::async_write(*plain_, request, asio::use_awaitable);
        if (interrupted()) co_return false;
        co_await http::async_read_header(*plain_, buffer, parser, asio::use_awaitable);
    }
    if (interrupted()) co_return false;
    co_return http::to_status_class(parser.get().result()) == http::status_class::successful;
}

}  // namespace revolut::mock
