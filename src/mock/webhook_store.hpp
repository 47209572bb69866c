#pragma once
// Webhooks v2 state: the registered webhooks, each with its signing secrets (the current one
// and rotated ones still inside their grace period), and their failed deliveries.

#include <revolut/types.hpp>

#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

/// One signing secret; rotation gives the previous one an expiry instead of deleting it.
struct SigningSecret {
    std::string value;                    ///< `wsk_…`
    std::optional<Timestamp> expires_at;  ///< none for the current secret
    bool valid_at(Timestamp now) const { return !expires_at || now < *expires_at; }
};

struct StoredWebhook {
    Uuid id;
    std::string url;
    std::vector<std::string> events;
    std::vector<SigningSecret> secrets;  ///< newest (current) first
    /// The secret the API returns: the newest one.
    const std::string& signing_secret() const { return secrets.front().value; }
};

/// A delivery that exhausted its retries (GET …/failed-events).
struct FailedEvent {
    Uuid id;
    Timestamp created_at;
    Timestamp updated_at;
    Uuid webhook_id;
    std::string webhook_url;
    boost::json::object payload;
    std::optional<Timestamp> last_sent_date;
};

/// Webhooks and their failed events, with Revolut's limits.
class WebhookStore {
public:
    /// Revolut allows at most this many secrets per webhook to be valid at once.
    static constexpr std::size_t max_active_secrets = 3;

    explicit WebhookStore(std::size_t max_webhooks, bool allow_plain_http_loopback = false)
        : max_webhooks_(max_webhooks), allow_plain_http_loopback_(allow_plain_http_loopback) {}

    std::size_t max_webhooks() const { return max_webhooks_; }
    /// Whether http URLs on a loopback host may be registered (ServerOptions).
    bool allows_plain_http_loopback() const { return allow_plain_http_loopback_; }
    /// Every webhook, oldest first.
    const std::vector<StoredWebhook>& all() const { return webhooks_; }
    /// Pointers stay valid until the next create or remove.
    StoredWebhook* find(const Uuid& id);
    const StoredWebhook* find(const Uuid& id) const;

    /// A new webhook with a fresh secret; nullptr when max_webhooks() are already registered.
    StoredWebhook* create(std::string url, std::vector<std::string> events);
    /// Removes the webhook and its failed events; false when there is none with this id.
    bool remove(const Uuid& id);

    enum class RotateOutcome { rotated, too_many_active_secrets };
    /// Makes a new current secret. The previous one stays valid for `keep_previous_for`
    /// (zero: invalid at once). Refused when that would leave more than max_active_secrets
    /// valid secrets.
    RotateOutcome rotate_signing_secret(StoredWebhook& webhook,
                                        std::chrono::seconds keep_previous_for, Timestamp now);
    /// The secrets a delivery at `now` is signed with, current first (empty for an unknown id).
    std::vector<std::string> valid_signing_secrets(const Uuid& id, Timestamp now) const;

    /// Records a failed delivery of `payload`; throws revolut::Error(Errc::invalid_argument)
    /// for an unknown webhook.
    void add_failed_event(const Uuid& webhook_id, Timestamp created_at,
                          boost::json::object payload);
    /// Records a delivery that failed every attempt: first tried at `first_attempt`, last at
    /// `last_attempt`, to `url`. Ignored for a webhook deleted meanwhile.
    void record_failed_delivery(const Uuid& webhook_id, std::string url, Timestamp first_attempt,
                                Timestamp last_attempt, boost::json::object payload);
    /// Failed events with created_at < created_before, newest first, at most `limit`.
    std::vector<const FailedEvent*> failed_events(const Uuid& webhook_id, Timestamp created_before,
                                                  std::size_t limit) const;

private:
    std::size_t max_webhooks_;
    bool allow_plain_http_loopback_;
    std::vector<StoredWebhook> webhooks_;
    std::vector<FailedEvent> failed_events_;
};

/// A new signing secret in Revolut's format: `wsk_` and 32 random alphanumerics.
std::string new_signing_secret();

}  // namespace revolut::mock
