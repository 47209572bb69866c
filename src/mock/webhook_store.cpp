#include "mock/webhook_store.hpp"

#include "mock/random_text.hpp"

#include <revolut/error.hpp>

#include <algorithm>

namespace revolut::mock {

std::string new_signing_secret() {
    return "wsk_" + random_alphanumeric(32);
}

StoredWebhook* WebhookStore::find(const Uuid& id) {
    auto found = std::find_if(webhooks_.begin(), webhooks_.end(),
                              [&](const StoredWebhook& w) { return w.id == id; });
    return found == webhooks_.end() ? nullptr : &*found;
}

const StoredWebhook* WebhookStore::find(const Uuid& id) const {
    return const_cast<WebhookStore*>(this)->find(id);
}

StoredWebhook* WebhookStore::create(std::string url, std::vector<std::string> events) {
    if (webhooks_.size() >= max_webhooks_) return nullptr;
    StoredWebhook webhook{Uuid::random(),
                          std::move(url),
                          std::move(events),
                          {SigningSecret{new_signing_secret(), std::nullopt}}};
    webhooks_.push_back(std::move(webhook));
    return &webhooks_.back();
}

bool WebhookStore::remove(const Uuid& id) {
    if (std::erase_if(webhooks_, [&](const StoredWebhook& w) { return w.id == id; }) == 0) {
        return false;
    }
    std::erase_if(failed_events_, [&](const FailedEvent& e) { return e.webhook_id == id; });
    return true;
}

WebhookStore::RotateOutcome WebhookStore::rotate_signing_secret(
    StoredWebhook& webhook, std::chrono::seconds keep_previous_for, Timestamp now) {
    std::erase_if(webhook.secrets, [&](const SigningSecret& s) { return !s.valid_at(now); });
    const bool keep_previous = keep_previous_for > std::chrono::seconds::zero();
    const std::size_t active_after = webhook.secrets.size() + (keep_previous ? 1 : 0);
    if (active_after > max_active_secrets) return RotateOutcome::too_many_active_secrets;

    if (keep_previous) {
        webhook.secrets.front().expires_at = now + keep_previous_for;
    } else {
        webhook.secrets.erase(webhook.secrets.begin());
    }
    webhook.secrets.insert(webhook.secrets.begin(),
                           SigningSecret{new_signing_secret(), std::nullopt});
    return RotateOutcome::rotated;
}

std::vector<std::string> WebhookStore::valid_signing_secrets(const Uuid& id, Timestamp now) const {
    std::vector<std::string> secrets;
    if (const auto* webhook = find(id)) {
        for (const auto& secret : webhook->secrets) {
            if (secret.valid_at(now)) secrets.push_back(secret.value);
        }
    }
    return secrets;
}

void WebhookStore::add_failed_event(const Uuid& webhook_id, Timestamp created_at,
                                    boost::json::object payload) {
    const auto* webhook = find(webhook_id);
    if (webhook == nullptr) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "add_failed_event: no webhook with id " + webhook_id.to_string());
    }
    // A seeded event has no delivery history of its own: its last attempt is its creation.
    failed_events_.push_back(FailedEvent{Uuid::random(), created_at, created_at, webhook_id,
                                         webhook->url, std::move(payload), created_at});
}

void WebhookStore::record_failed_delivery(const Uuid& webhook_id, std::string url,
                                          Timestamp first_attempt, Timestamp last_attempt,
                                          boost::json::object payload) {
    if (find(webhook_id) == nullptr) return;
    failed_events_.push_back(FailedEvent{Uuid::random(), first_attempt, last_attempt, webhook_id,
                                         std::move(url), std::move(payload), last_attempt});
}

std::vector<const FailedEvent*> WebhookStore::failed_events(const Uuid& webhook_id,
                                                            Timestamp created_before,
                                                            std::size_t limit) const {
    std::vector<const FailedEvent*> events;
    for (const auto& event : failed_events_) {
        if (event.webhook_id == webhook_id && event.created_at < created_before) {
            events.push_back(&event);
        }
    }
    std::stable_sort(events.begin(), events.end(), [](const FailedEvent* a, const FailedEvent* b) {
        return a->created_at > b->created_at;
    });
    if (events.size() > limit) events.resize(limit);
    return events;
}

}  // namespace revolut::mock
