#include "mock/payment_draft_store.hpp"

#include <algorithm>

namespace revolut::mock {

StoredDraftPayment* StoredPaymentDraft::find_payment(const Uuid& payment_id) {
    auto found = std::find_if(payments.begin(), payments.end(),
                              [&](const StoredDraftPayment& p) { return p.id == payment_id; });
    return found == payments.end() ? nullptr : &*found;
}

StoredPaymentDraft* PaymentDraftStore::find(const Uuid& id) {
    auto found = std::find_if(drafts_.begin(), drafts_.end(), [&](const StoredPaymentDraft& d) { return d.id == id; });
    return found == drafts_.end() ? nullptr : &*found;
}

StoredPaymentDraft& PaymentDraftStore::add(StoredPaymentDraft draft) {
    drafts_.push_back(std::move(draft));
    return drafts_.back();
}

bool PaymentDraftStore::remove(const Uuid& id) {
    return std::erase_if(drafts_, [&](const StoredPaymentDraft& d) { return d.id == id; }) > 0;
}

}  // namespace revolut::mock
