#pragma once
// The webhook receiver as a Beast request handler: verify the raw body, parse it into a typed
// Event, run the user's coroutine for its type, and answer so that Revolut's retries cover
// every failure. Drops into any Beast/Asio server; WebhookServer (server.hpp) is a standalone
// server built on it.
//
// Answers (Revolut retries any non-2xx delivery, so every rejection is safe for a genuine one):
//   200  handled: the handler finished (also: a verified event nobody handles, a suppressed
//        redelivery of an event already handled);
//   400  Revolut-Signature or Revolut-Request-Timestamp malformed (including a missing
//        timestamp), signature version other than v1, body not JSON or not an event;
//   401  Revolut-Signature missing, signature mismatch, timestamp out of tolerance;
//   405  not POST (with `Allow: POST`);
//   409  redelivery suppression on, and the same event is being handled right now (the retry
//        comes back once the first attempt has finished, and is then suppressed or handled);
//   500  the handler threw, or no signing secret is configured.
// Bodies are short fixed texts (text/plain); they never contain an exception's text or a
// secret.

#include <revolut/webhook/events.hpp>
#include <revolut/webhook/verify.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace revolut::webhook {

/// The request type handle() takes: the body must be the raw bytes as received.
using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
/// The response type handle() returns.
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

/// A handler for events of any type (the fallback, or what on<T> stores).
using EventHandler = std::function<boost::asio::awaitable<void>(const Event&)>;

/// How a WebhookHandler is set up.
struct WebhookHandlerOptions {
    /// Signing secrets accepted (several while a rotated secret is still valid); empty ones are
    /// ignored. Replace them at runtime with WebhookHandler::set_signing_secrets.
    std::vector<std::string> signing_secrets;
    /// Timestamp tolerance and clock, as for verify_signature.
    VerifyOptions verify;
    /// Redelivery suppression: remember the last `remembered_events` events handled
    /// successfully (see event_identity) and answer a redelivery of one with 200 without
    /// calling the handler. 0 (the default) turns suppression off. Memory is bounded: 32 bytes
    /// (a SHA-256 of the identity) plus bookkeeping per remembered event.
    std::size_t remembered_events = 0;
};

/// Counters since construction; read them any time (tests, metrics).
struct WebhookHandlerStats {
    std::size_t requests = 0;          ///< requests handle() was given
    std::size_t verified = 0;          ///< passed signature and timestamp verification
    std::size_t rejected = 0;          ///< not handled: 4xx, or 500 for a missing secret
    std::size_t handled = 0;           ///< a user handler finished: 200
    std::size_t unhandled = 0;         ///< verified event with no handler and no fallback: 200
    std::size_t suppressed = 0;        ///< redelivery of an already handled event: 200
    std::size_t handler_failures = 0;  ///< a user handler threw: 500
};

/// The identity redelivery suppression keys on: event name, `data.id` and the envelope's
/// `timestamp`, joined by NUL bytes. A retry of a delivery carries the same envelope (only the
/// signature headers change), while two real events differ in one of the three (a
/// transaction's state changes have distinct timestamps). An event whose data has no string
/// `id` (possible only for UnknownEvent) uses its whole raw body in place of the id.
std::string event_identity(const Event& event);

/// The HTTP status handle() answers for a verification or parsing error (the mapping in this
/// header's comment): 400, 401, or 500 for Errc::invalid_argument (no secret configured).
boost::beast::http::status rejection_status(boost::system::error_code ec) noexcept;

/// Synchronous, pure: verifies `body` (raw bytes, before anything parses them) against the
/// header values, then parses it. Throws revolut::Error carrying the verify_signature code,
/// or parse_event's Errc::body_not_json / Errc::invalid_response; never a secret.
Event verify_and_parse(std::string_view body, std::string_view signature_header,
                       std::string_view timestamp_header, std::span<const std::string> secrets,
                       const VerifyOptions& options = {});

/// As above, reading the two headers from `request` (absent headers count as empty).
Event verify_and_parse(const HttpRequest& request, std::span<const std::string> secrets,
                       const VerifyOptions& options = {});

/// The embeddable receiver. Register handlers before serving; after that, handle() may be
/// called concurrently from any thread (its shared state is behind a mutex that is never held
/// across a co_await), and set_signing_secrets() may be called at any time. User handlers run
/// on the executor handle() is awaited on; several run at once for concurrent requests.
class WebhookHandler {
public:
    explicit WebhookHandler(WebhookHandlerOptions options = {});
    /// Shorthand: these secrets, default tolerance and clock, no suppression.
    explicit WebhookHandler(std::vector<std::string> signing_secrets);
    ~WebhookHandler();
    WebhookHandler(WebhookHandler&&) noexcept;
    WebhookHandler& operator=(WebhookHandler&&) noexcept;
    WebhookHandler(const WebhookHandler&) = delete;
    WebhookHandler& operator=(const WebhookHandler&) = delete;

    /// Runs `handler` for events whose data is a `T` (e.g. TransactionCreated; UnknownEvent
    /// for event types this version does not know). `handler` is called as
    /// `handler(const T&, const Event&)` or `handler(const T&)` and returns
    /// asio::awaitable<void>; a throw means failure (500, Revolut retries). Replaces an
    /// earlier handler for T. The callable is kept for the handler's lifetime, so a lambda's
    /// captures may be used by its coroutine.
    template <class T, class F>
    WebhookHandler& on(F handler) {
        constexpr std::size_t index = alternative_index<T>();
        if constexpr (std::is_invocable_v<F&, const T&, const Event&>) {
            set_handler(index, [h = std::move(handler)](const Event& e) mutable {
                return h(std::get<T>(e.data), e);
            });
        } else {
            static_assert(std::is_invocable_v<F&, const T&>,
                          "handler must be callable as f(const T&, const Event&) or f(const T&)");
            set_handler(index, [h = std::move(handler)](const Event& e) mutable {
                return h(std::get<T>(e.data));
            });
        }
        return *this;
    }

    template <class F> WebhookHandler& on_transaction_created(F h) { return on<TransactionCreated>(std::move(h)); }
    template <class F> WebhookHandler& on_transaction_state_changed(F h) { return on<TransactionStateChanged>(std::move(h)); }
    template <class F> WebhookHandler& on_payout_link_created(F h) { return on<PayoutLinkCreated>(std::move(h)); }
    template <class F> WebhookHandler& on_payout_link_state_changed(F h) { return on<PayoutLinkStateChanged>(std::move(h)); }

    /// Runs for every verified event no typed handler claims (UnknownEvent included, unless
    /// on<UnknownEvent> is set). Without it such events are acknowledged with 200 and counted
    /// as `unhandled`: retrying them could not change anything.
    WebhookHandler& otherwise(EventHandler handler);

    /// Called (synchronously, before the 500 goes out) with the exception a handler threw, so
    /// it can be logged. What the exception says is the application's business; the response
    /// never carries it.
    WebhookHandler& on_handler_error(std::function<void(const Event&, std::exception_ptr)> observer);

    /// Replaces the accepted signing secrets (e.g. after rotate_webhook_secret); requests
    /// already being verified finish with the old set. Thread-safe.
    void set_signing_secrets(std::vector<std::string> secrets);

    /// Answers one request: POST only; verifies the raw body against Revolut-Signature and
    /// Revolut-Request-Timestamp before parsing it; parses it; suppresses a redelivery when
    /// asked to; awaits the user's handler and answers 200 only after it finished (see the
    /// status table at the top of this header). The response's version and keep-alive follow
    /// the request; the payload is prepared. `request` must stay alive until the returned
    /// awaitable completes (the handler's state is shared with it, so destroying or moving
    /// this object meanwhile is safe). Never throws for a bad request or a failed handler;
    /// cancellation of the awaiting coroutine propagates into the user's handler.
    boost::asio::awaitable<HttpResponse> handle(const HttpRequest& request);

    WebhookHandlerStats stats() const;

private:
    struct Impl;

    template <class T, std::size_t I = 0>
    static constexpr std::size_t alternative_index() {
        static_assert(I < std::variant_size_v<EventData>, "T is not one of EventData's types");
        if constexpr (std::is_same_v<std::variant_alternative_t<I, EventData>, T>) return I;
        else return alternative_index<T, I + 1>();
    }

    void set_handler(std::size_t index, EventHandler handler);

    std::shared_ptr<Impl> impl_;
};

}  // namespace revolut::webhook
