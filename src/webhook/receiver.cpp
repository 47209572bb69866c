// WebhookHandler: verify -> parse -> (suppress a redelivery) -> the user's coroutine -> status.
//
// Security: verification runs on the body's raw bytes before any parser sees them. Response
// bodies are fixed texts chosen here; neither an exception's text nor a secret ever reaches
// the wire. Secrets are held as one immutable snapshot per set_signing_secrets call, so a
// request verifies against a consistent set while another thread replaces it.

#include <revolut/webhook/receiver.hpp>

#include <revolut/error.hpp>

#include "webhook/receiver_recent_events.hpp"

#include <boost/beast/http/field.hpp>

#include <array>
#include <mutex>
#include <optional>
#include <utility>

namespace revolut::webhook {

namespace http = boost::beast::http;

namespace {

// What a rejected request is told: the error class, nothing about secrets or the body.
std::string_view rejection_text(boost::system::error_code ec) noexcept {
    if (ec.category() != revolut::category()) return "request rejected";
    switch (static_cast<Errc>(ec.value())) {
        case Errc::invalid_argument: return "receiver has no signing secret configured";
        case Errc::signature_header_missing: return "Revolut-Signature header missing";
        case Errc::signature_header_malformed:
            return "Revolut-Signature or Revolut-Request-Timestamp header malformed";
        case Errc::unsupported_signature_version: return "unsupported signature version";
        case Errc::timestamp_out_of_tolerance: return "timestamp outside tolerance";
        case Errc::signature_mismatch: return "signature mismatch";
        case Errc::body_not_json: return "body is not JSON";
        case Errc::invalid_response: return "body is not a webhook event";
        default: return "request rejected";
    }
}

HttpResponse make_response(const HttpRequest& request, http::status status,
                           std::string_view text = {}) {
    HttpResponse response{status, request.version()};
    response.keep_alive(request.keep_alive());
    if (!text.empty()) {
        response.set(http::field::content_type, "text/plain; charset=utf-8");
        response.body().reserve(text.size() + 1);
        response.body().append(text).push_back('\n');
    }
    response.prepare_payload();
    return response;
}

std::string_view header_value(const HttpRequest& request, std::string_view name) {
    auto it = request.find(boost::beast::string_view(name.data(), name.size()));
    if (it == request.end()) return {};
    return {it->value().data(), it->value().size()};
}

}  // namespace

// ---- free functions -------------------------------------------------------------------------

std::string event_identity(const Event& event) {
    std::string identity(event.event.str());
    identity.push_back('\0');
    std::visit(
        [&](const auto& data) {
            using T = std::decay_t<decltype(data)>;
            if constexpr (std::is_same_v<T, UnknownEvent>) {
                const boost::json::object* o = data.data.if_object();
                const boost::json::value* id = o != nullptr ? o->if_contains("id") : nullptr;
                if (id != nullptr && id->is_string())
                    identity.append(id->get_string().data(), id->get_string().size());
                else
                    identity.append(event.raw);
            } else {
                identity.append(data.id);
            }
        },
        event.data);
    identity.push_back('\0');
    identity.append(format_timestamp(event.timestamp));
    return identity;
}

http::status rejection_status(boost::system::error_code ec) noexcept {
    if (ec.category() != revolut::category()) return http::status::internal_server_error;
    switch (static_cast<Errc>(ec.value())) {
        case Errc::signature_header_missing:
        case Errc::timestamp_out_of_tolerance:
        case Errc::signature_mismatch: return http::status::unauthorized;
        case Errc::signature_header_malformed:
        case Errc::unsupported_signature_version:
        case Errc::body_not_json:
        case Errc::invalid_response: return http::status::bad_request;
        default: return http::status::internal_server_error;  // e.g. no secret configured
    }
}

Event verify_and_parse(std::string_view body, std::string_view signature_header,
                       std::string_view timestamp_header, std::span<const std::string> secrets,
                       const VerifyOptions& options) {
    verify_signature_or_throw(body, signature_header, timestamp_header, secrets, options);
    return parse_event(body);
}

Event verify_and_parse(const HttpRequest& request, std::span<const std::string> secrets,
                       const VerifyOptions& options) {
    return verify_and_parse(request.body(), header_value(request, signature_header),
                            header_value(request, timestamp_header), secrets, options);
}

// ---- WebhookHandler ---------------------------------------------------------------------------

struct WebhookHandler::Impl {
    explicit Impl(WebhookHandlerOptions options)
        : verify(std::move(options.verify)),
          secrets(std::make_shared<const std::vector<std::string>>(
              std::move(options.signing_secrets))),
          suppress(options.remembered_events > 0),
          recent(options.remembered_events) {}

    // Fixed after setup (registration happens before serving).
    VerifyOptions verify;
    std::array<EventHandler, std::variant_size_v<EventData>> handlers;
    EventHandler fallback;
    std::function<void(const Event&, std::exception_ptr)> error_observer;

    // Shared between concurrent requests: guarded by `mutex`, never held across a co_await.
    mutable std::mutex mutex;
    std::shared_ptr<const std::vector<std::string>> secrets;
    const bool suppress;
    revolut::detail::WebhookRecentEvents recent;
    WebhookHandlerStats stats;

    std::shared_ptr<const std::vector<std::string>> current_secrets() const {
        std::lock_guard lock(mutex);
        return secrets;
    }
    template <class F>
    void count(F f) {
        std::lock_guard lock(mutex);
        f(stats);
    }
    HttpResponse reject(const HttpRequest& request, http::status status, std::string_view text) {
        count([](WebhookHandlerStats& s) { ++s.rejected; });
        return make_response(request, status, text);
    }

    static boost::asio::awaitable<HttpResponse> handle(std::shared_ptr<Impl> self,
                                                       const HttpRequest& request);
};

boost::asio::awaitable<HttpResponse> WebhookHandler::Impl::handle(std::shared_ptr<Impl> self,
                                                                  const HttpRequest& request) {
    self->count([](WebhookHandlerStats& s) { ++s.requests; });
    if (request.method() != http::verb::post) {
        HttpResponse response =
            self->reject(request, http::status::method_not_allowed, "only POST is accepted");
        response.set(http::field::allow, "POST");
        co_return response;
    }

    // 1. The raw bytes, before anything parses them.
    const auto secrets = self->current_secrets();
    const std::string& body = request.body();
    if (const auto ec = verify_signature(body, header_value(request, signature_header),
                                         header_value(request, timestamp_header), *secrets,
                                         self->verify))
        co_return self->reject(request, rejection_status(ec), rejection_text(ec));
    self->count([](WebhookHandlerStats& s) { ++s.verified; });

    // 2. Parse.
    std::optional<Event> event;
    boost::system::error_code parse_error;
    try {
        event.emplace(parse_event(body));
    } catch (const Error& e) {
        parse_error = e.code();  // Errc::body_not_json or Errc::invalid_response
    }
    if (!event) co_return self->reject(request, rejection_status(parse_error), rejection_text(parse_error));

    // 3. Redelivery of an event already handled (or being handled)?
    std::optional<revolut::detail::WebhookRecentEvents::Key> key;
    if (self->suppress) {
        key = revolut::detail::WebhookRecentEvents::key_of(event_identity(*event));
        std::unique_lock lock(self->mutex);
        switch (self->recent.begin(*key)) {
            case revolut::detail::WebhookRecentEvents::Status::fresh: break;
            case revolut::detail::WebhookRecentEvents::Status::handled:
                ++self->stats.suppressed;
                lock.unlock();
                co_return make_response(request, http::status::ok);
            case revolut::detail::WebhookRecentEvents::Status::in_flight:
                ++self->stats.rejected;
                lock.unlock();
                co_return make_response(request, http::status::conflict,
                                        "this event is being handled; retry later");
        }
    }

    // 4. The user's coroutine; 200 only once it has finished.
    const EventHandler* handler = &self->handlers[event->data.index()];
    if (!*handler) handler = &self->fallback;
    if (!*handler) {
        std::lock_guard lock(self->mutex);
        ++self->stats.unhandled;
        if (key) self->recent.succeeded(*key);
        co_return make_response(request, http::status::ok);
    }
    std::exception_ptr failure;
    try {
        co_await (*handler)(*event);
    } catch (...) {
        failure = std::current_exception();
    }
    {
        std::lock_guard lock(self->mutex);
        if (failure) {
            ++self->stats.handler_failures;
            if (key) self->recent.failed(*key);
        } else {
            ++self->stats.handled;
            if (key) self->recent.succeeded(*key);
        }
    }
    if (!failure) co_return make_response(request, http::status::ok);
    if (self->error_observer) {
        try {
            self->error_observer(*event, failure);
        } catch (...) {
            // An observer that throws must not turn a 500 into a dropped connection.
        }
    }
    co_return make_response(request, http::status::internal_server_error, "handler failed");
}

WebhookHandler::WebhookHandler(WebhookHandlerOptions options)
    : impl_(std::make_shared<Impl>(std::move(options))) {}

WebhookHandler::WebhookHandler(std::vector<std::string> signing_secrets)
    : WebhookHandler([&] {
          WebhookHandlerOptions options;
          options.signing_secrets = std::move(signing_secrets);
          return options;
      }()) {}

WebhookHandler::~WebhookHandler() = default;
WebhookHandler::WebhookHandler(WebhookHandler&&) noexcept = default;
WebhookHandler& WebhookHandler::operator=(WebhookHandler&&) noexcept = default;

void WebhookHandler::set_handler(std::size_t index, EventHandler handler) {
    impl_->handlers[index] = std::move(handler);
}

WebhookHandler& WebhookHandler::otherwise(EventHandler handler) {
    impl_->fallback = std::move(handler);
    return *this;
}

WebhookHandler& WebhookHandler::on_handler_error(
    std::function<void(const Event&, std::exception_ptr)> observer) {
    impl_->error_observer = std::move(observer);
    return *this;
}

void WebhookHandler::set_signing_secrets(std::vector<std::string> secrets) {
    auto snapshot = std::make_shared<const std::vector<std::string>>(std::move(secrets));
    std::lock_guard lock(impl_->mutex);
    impl_->secrets.swap(snapshot);
    // `lock` is declared last, so it is released before the old set (now in `snapshot`) dies.
}

boost::asio::awaitable<HttpResponse> WebhookHandler::handle(const HttpRequest& request) {
    return Impl::handle(impl_, request);
}

WebhookHandlerStats WebhookHandler::stats() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->stats;
}

}  // namespace revolut::webhook
