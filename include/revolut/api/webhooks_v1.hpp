#pragma once
// Webhooks v1 — DEPRECATED by Revolut: prefer client.webhooks() (v2, several webhooks with
// event selection and signing secrets). v1 is one webhook URL per business, subscribed to
// TransactionCreated and TransactionStateChanged. Route: /api/1.0/webhook (singular).

#include <revolut/detail/api_call.hpp>

#include <memory>
#include <string>
#include <utility>

namespace revolut {

/// The business's v1 webhook (spec `Webhook-v1`).
struct WebhookV1 {
    std::string url;
};

namespace detail::webhooks_v1 {
ApiRequest get_webhook();
ApiRequest set_up_webhook(const std::string& url);
ApiRequest delete_webhook();
}  // namespace detail::webhooks_v1

/// The deprecated Webhooks v1 endpoint group (not in pyrevolut). Deprecated: use the v2
/// group, client.webhooks(). Not marked [[deprecated]] so that builds with -Werror keep
/// compiling. Every method accepts any Asio completion token (default: co_await); Shape Raw
/// gives raw JSON results.
template <class Shape = Typed, class Default = DefaultToken>
class BasicWebhooksV1Api {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicWebhooksV1Api(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/webhook — the business's webhook URL (deprecated). ApiError with
    /// Errc::not_found when none is set.
    template <class Token = Default>
    auto get_webhook(Token&& token = {}) {
        return detail::start<result<WebhookV1>>(
            core_, [] { return detail::webhooks_v1::get_webhook(); }, std::forward<Token>(token));
    }

    /// POST /1.0/webhook — sets (or replaces) the webhook URL, which must be https
    /// (deprecated); 204, no content.
    template <class Token = Default>
    auto set_up_webhook(std::string url, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [url = std::move(url)] { return detail::webhooks_v1::set_up_webhook(url); },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/webhook — removes the webhook URL (deprecated); 204, no content.
    template <class Token = Default>
    auto delete_webhook(Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [] { return detail::webhooks_v1::delete_webhook(); }, std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using WebhooksV1Api = BasicWebhooksV1Api<>;

}  // namespace revolut
