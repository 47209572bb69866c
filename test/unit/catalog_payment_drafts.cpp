// Catalog entries of the Payment drafts group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/payment_drafts.hpp>

namespace revolut::test {
namespace {

const Uuid draft_id{"d41e8b7a-2c9f-4e3d-a6b1-5f0c7e2d9a84"};
const Uuid payment_id{"5b8c2e1f-9a7d-4c6b-b3e0-1d2f4a6c8e90"};
namespace d = detail::payment_drafts;

DraftPaymentRequest sample_payment() {
    DraftPaymentRequest p;
    p.account_id = Uuid{"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d"};
    p.receiver.counterparty_id = Uuid{"b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e"};
    p.amount = Decimal::parse("10.00");
    p.currency = "GBP";
    p.reference = "Invoice 1";
    return p;
}

UpdateDraftPaymentRequest sample_update() {
    UpdateDraftPaymentRequest u;
    u.amount = Decimal(200);
    return u;
}

const CatalogEntries entries{
    {"payment_drafts", "get_all_payment_drafts", "GET", "/api/1.0/payment-drafts", true,
     [] { return d::get_all_payment_drafts(std::nullopt); }},
    {"payment_drafts", "create_payment_draft", "POST", "/api/1.0/payment-drafts", true,
     [] { return d::create_payment_draft({sample_payment()}, std::string("Draft"), std::nullopt); }},
    {"payment_drafts", "get_payment_draft", "GET", "/api/1.0/payment-drafts/{payment_draft_id}", true,
     [] { return d::get_payment_draft(draft_id); }},
    {"payment_drafts", "update_payment_draft", "PATCH", "/api/1.0/payment-drafts/{payment_draft_id}", false,
     [] { return d::update_payment_draft(draft_id, std::string("Renamed"), {}); }},
    {"payment_drafts", "delete_payment_draft", "DELETE", "/api/1.0/payment-drafts/{payment_draft_id}", true,
     [] { return d::delete_payment_draft(draft_id); }},
    {"payment_drafts", "add_payment_draft_payment", "POST", "/api/1.0/payment-drafts/{payment_draft_id}/payments",
     false, [] { return d::add_payment_draft_payment(draft_id, sample_payment()); }},
    {"payment_drafts", "update_payment_draft_payment", "PATCH",
     "/api/1.0/payment-drafts/{payment_draft_id}/payments/{payment_id}", false,
     [] { return d::update_payment_draft_payment(draft_id, payment_id, sample_update()); }},
    {"payment_drafts", "delete_payment_draft_payment", "DELETE",
     "/api/1.0/payment-drafts/{payment_draft_id}/payments/{payment_id}", false,
     [] { return d::delete_payment_draft_payment(draft_id, payment_id); }},
};

}  // namespace
}  // namespace revolut::test
