#pragma once
// The emulator's payout links.

#include <revolut/money.hpp>
#include <revolut/types.hpp>

#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

struct StoredPayoutLink {
    Uuid id;
    std::string state;  ///< spec PayoutLinkState: created, active, cancelled, expired …
    Timestamp created_at;
    Timestamp updated_at;
    std::string counterparty_name;
    bool save_counterparty = false;
    std::string request_id;
    Timestamp expiry_date;
    std::vector<std::string> payout_methods;
    Uuid account_id;
    Decimal amount;
    std::string currency;
    std::string url;  ///< shown while active
    std::string reference;
    std::optional<std::string> transfer_reason_code;
    std::optional<Uuid> counterparty_id;
    std::optional<Uuid> transaction_id;
};

/// Payout links in creation order.
class PayoutLinkStore {
public:
    const std::vector<StoredPayoutLink>& all() const { return links_; }
    std::vector<StoredPayoutLink>& all() { return links_; }
    /// Pointers stay valid until the next add.
    StoredPayoutLink* find(const Uuid& id);
    /// The link created with this request_id (the idempotency key), or nullptr.
    StoredPayoutLink* find_by_request_id(const std::string& request_id);
    StoredPayoutLink& add(StoredPayoutLink link);

private:
    std::vector<StoredPayoutLink> links_;
};

}  // namespace revolut::mock
