#pragma once
// Webhooks (v2): subscribe an HTTPS endpoint to account events, manage its signing secret,
// and read the events whose delivery failed. Routes are under /api/2.0/webhooks.

#include <revolut/detail/api_call.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>
#include <revolut/webhook/events.hpp>
#include <revolut/webhook_event_type.hpp>

#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace revolut {

/// A webhook as listed and as returned by update_webhook (no signing secret).
struct Webhook {
    Uuid id;
    std::string url;
    std::vector<WebhookEvent> events;
};

/// A webhook with its current signing secret (create, get, rotate).
struct WebhookWithSecret {
    Uuid id;
    std::string url;
    std::vector<WebhookEvent> events;
    std::string signing_secret;  ///< `wsk_…`: a secret, never log it
};

/// An event whose delivery failed after Revolut's retries.
struct FailedWebhookEvent {
    Uuid id;
    Timestamp created_at;
    Timestamp updated_at;
    Uuid webhook_id;
    std::string webhook_url;
    /// The event as it was sent, typed like a delivery. A payload whose shape does not match
    /// its event type is kept whole as UnknownEvent (its `raw` holds the JSON), never dropped.
    webhook::Event payload;
    std::optional<Timestamp> last_sent_date;
};

/// `created_before` for failed events: a time point, or ISO-8601 text (sent as UTC).
using CreatedBefore = std::variant<Timestamp, std::string>;

namespace detail::webhooks {
ApiRequest get_all_webhooks();
ApiRequest get_webhook(const Uuid& webhook_id);
ApiRequest get_failed_webhook_events(const Uuid& webhook_id, std::optional<int> limit,
                                     const std::optional<CreatedBefore>& created_before);
ApiRequest create_webhook(const std::string& url, const std::vector<WebhookEvent>& events);
ApiRequest rotate_webhook_secret(const Uuid& webhook_id, std::optional<std::chrono::seconds> expiration_period);
ApiRequest update_webhook(const Uuid& webhook_id, const std::optional<std::string>& url,
                          const std::vector<WebhookEvent>& events);
ApiRequest delete_webhook(const Uuid& webhook_id);
/// `created_before` as the UTC time point it denotes (Errc::invalid_argument for bad text).
Timestamp created_before_time(const CreatedBefore& created_before);

/// One page of failed events through the client's call path (for iterate_failed_webhook_events).
inline boost::asio::awaitable<std::vector<FailedWebhookEvent>> fetch_failed_events(
    std::shared_ptr<ClientCore> core, Uuid webhook_id, std::optional<Timestamp> before, int limit) {
    std::optional<CreatedBefore> created_before;
    if (before) created_before = *before;
    // Named first: GCC 12 may destroy a lambda temporary of a co_await expression twice.
    auto describe = [=] { return get_failed_webhook_events(webhook_id, limit, created_before); };
    co_return co_await start<std::vector<FailedWebhookEvent>>(core, std::move(describe), boost::asio::use_awaitable);
}
}  // namespace detail::webhooks

/// The Webhooks endpoint group, with pyrevolut's method names and parameter order.
/// Every method accepts any Asio completion token (default: use_awaitable); arguments are
/// copied before the operation starts. Errors: Errc::invalid_argument before sending,
/// ApiError for non-2xx answers, transport errors, operation_aborted on cancellation.
template <class Shape = Typed, class Default = DefaultToken>
class BasicWebhooksApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicWebhooksApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /2.0/webhooks — all webhooks (without secrets).
    template <class Token = Default>
    auto get_all_webhooks(Token&& token = {}) {
        return detail::start<result<std::vector<Webhook>>>(
            core_, [] { return detail::webhooks::get_all_webhooks(); }, std::forward<Token>(token));
    }

    /// GET /2.0/webhooks/{webhook_id} — one webhook with its signing secret.
    template <class Token = Default>
    auto get_webhook(Uuid webhook_id, Token&& token = {}) {
        return detail::start<result<WebhookWithSecret>>(
            core_, [=] { return detail::webhooks::get_webhook(webhook_id); }, std::forward<Token>(token));
    }

    /// GET /2.0/webhooks/{webhook_id}/failed-events — newest first; `limit` 1..1000
    /// (server default 100); `created_before` exclusive (server default: now).
    template <class Token = Default>
    auto get_failed_webhook_events(Uuid webhook_id, std::optional<int> limit = std::nullopt,
                                   std::optional<CreatedBefore> created_before = std::nullopt,
                                   Token&& token = {}) {
        return detail::start<result<std::vector<FailedWebhookEvent>>>(
            core_,
            [=] { return detail::webhooks::get_failed_webhook_events(webhook_id, limit, created_before); },
            std::forward<Token>(token));
    }

    /// Every failed event of a webhook created before `created_before` (exclusive; default:
    /// now), newest first, page by page (`limit` 1..1000 per request, default 100), at most
    /// `max_items`; the parameters are get_failed_webhook_events' own, in its order, then
    /// `max_items`. Events sharing the created_at of a page boundary are neither lost nor
    /// repeated. Bad created_before text throws Errc::invalid_argument here; a bad `limit`
    /// fails the first page, before anything is sent. Typed results only; no completion token.
    Pages<FailedWebhookEvent> iterate_failed_webhook_events(Uuid webhook_id, std::optional<int> limit = std::nullopt,
                                                            std::optional<CreatedBefore> created_before = std::nullopt,
                                                            std::optional<std::size_t> max_items = std::nullopt) const {
        constexpr int max_limit = 1000;
        std::optional<Timestamp> before;
        if (created_before) before = detail::webhooks::created_before_time(*created_before);
        detail::NewestFirstFetch<FailedWebhookEvent> fetch = [core = core_, webhook_id](std::optional<Timestamp> bound,
                                                                                          int page_limit) {
            return detail::webhooks::fetch_failed_events(core, webhook_id, bound, page_limit);
        };
        return detail::newest_first_pages<FailedWebhookEvent>(std::move(fetch),
                                                              detail::created_at_keys<FailedWebhookEvent>(), before,
                                                              limit.value_or(100), max_limit, max_items);
    }

    /// The form without a starting point, `(webhook_id, limit, max_items)`, which earlier
    /// versions had: kept so those calls compile and mean what they did (from now).
    template <class MaxItems>
        requires std::is_convertible_v<MaxItems, std::optional<std::size_t>>
    Pages<FailedWebhookEvent> iterate_failed_webhook_events(Uuid webhook_id, std::optional<int> limit,
                                                            MaxItems max_items) const {
        return iterate_failed_webhook_events(webhook_id, limit, std::nullopt,
                                             std::optional<std::size_t>(std::move(max_items)));
    }

    /// POST /2.0/webhooks — `url` must be https; with no `events` the server subscribes
    /// to TransactionCreated and TransactionStateChanged.
    template <class Token = Default>
    auto create_webhook(std::string url, std::vector<WebhookEvent> events = {}, Token&& token = {}) {
        return detail::start<result<WebhookWithSecret>>(
            core_, [url = std::move(url), events = std::move(events)] {
                return detail::webhooks::create_webhook(url, events);
            },
            std::forward<Token>(token));
    }

    /// POST /2.0/webhooks/{webhook_id}/rotate-signing-secret — the old secret stays valid
    /// for `expiration_period` (at most 7 days; default: expires at once).
    template <class Token = Default>
    auto rotate_webhook_secret(Uuid webhook_id,
                               std::optional<std::chrono::seconds> expiration_period = std::nullopt,
                               Token&& token = {}) {
        return detail::start<result<WebhookWithSecret>>(
            core_, [=] { return detail::webhooks::rotate_webhook_secret(webhook_id, expiration_period); },
            std::forward<Token>(token));
    }

    /// PATCH /2.0/webhooks/{webhook_id} — changes only what is given (empty `events`:
    /// unchanged); needs a url or events.
    template <class Token = Default>
    auto update_webhook(Uuid webhook_id, std::optional<std::string> url = std::nullopt,
                        std::vector<WebhookEvent> events = {}, Token&& token = {}) {
        return detail::start<result<Webhook>>(
            core_, [=, url = std::move(url), events = std::move(events)] {
                return detail::webhooks::update_webhook(webhook_id, url, events);
            },
            std::forward<Token>(token));
    }

    /// DELETE /2.0/webhooks/{webhook_id} — 204, no content (raw shape: an empty object).
    template <class Token = Default>
    auto delete_webhook(Uuid webhook_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::webhooks::delete_webhook(webhook_id); }, std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using WebhooksApi = BasicWebhooksApi<Typed>;

}  // namespace revolut
