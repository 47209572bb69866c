#pragma once
// The emulator's payment drafts and their payments.

#include <revolut/money.hpp>
#include <revolut/types.hpp>

#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

struct StoredDraftPayment {
    Uuid id;
    Uuid account_id;  ///< paid from
    Uuid counterparty_id;
    std::optional<Uuid> receiver_account_id;
    std::optional<Uuid> receiver_card_id;
    Decimal amount;
    std::string currency;
    std::string reference;
    std::optional<std::string> charge_bearer;
    std::optional<std::string> transfer_reason_code;
    std::string state = "CREATED";
};

struct StoredPaymentDraft {
    Uuid id;
    std::optional<std::string> title;
    std::optional<Date> scheduled_for;
    std::string source = "api";  ///< api, integration, email or business_app
    bool processed = false;      ///< sent for processing: listed no more, no longer editable
    Timestamp created_at;
    std::vector<StoredDraftPayment> payments;

    StoredDraftPayment* find_payment(const Uuid& payment_id);
};

/// Drafts in creation order.
class PaymentDraftStore {
public:
    const std::vector<StoredPaymentDraft>& all() const { return drafts_; }
    /// Pointers stay valid until the next add or remove.
    StoredPaymentDraft* find(const Uuid& id);
    StoredPaymentDraft& add(StoredPaymentDraft draft);
    bool remove(const Uuid& id);

private:
    std::vector<StoredPaymentDraft> drafts_;
};

}  // namespace revolut::mock
