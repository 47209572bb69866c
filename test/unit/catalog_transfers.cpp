// Catalog entries of the Transfers group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/transfers.hpp>

namespace revolut::test {
namespace {

const Uuid account{"af98333c-ea53-482b-93c2-1fa5e4eae671"};
const Uuid other{"ae2e1241-81dd-498d-868e-075484785678"};
const Uuid counterparty{"49c6a48b-6b58-40a0-b974-0b8c4888c8a7"};
namespace t = detail::transfers;

TransferReceiver receiver() {
    TransferReceiver r;
    r.counterparty_id = counterparty;
    return r;
}

const CatalogEntries entries{
    {"transfers", "get_transfer_reasons", "GET", "/api/1.0/transfer-reasons", true,
     [] { return t::get_transfer_reasons(); }},
    {"transfers", "create_transfer_to_another_account", "POST", "/api/1.0/pay", true, [] {
         CreatePaymentRequest r;
         r.account_id = account;
         r.receiver = receiver();
         r.amount = Decimal(10);
         r.currency = "EUR";
         return t::create_transfer_to_another_account(r);
     }},
    {"transfers", "move_money_between_accounts", "POST", "/api/1.0/transfer", true,
     [] { return t::move_money_between_accounts(account, other, Decimal(10), "GBP", std::nullopt, std::nullopt); }},
    {"transfers", "get_indicative_quote", "POST", "/api/1.0/pay/indicative-quote", false, [] {
         IndicativeQuoteRequest r;
         r.account_id = account;
         r.receiver = receiver();
         r.amount = Decimal(25);
         r.currency = "GBP";
         return t::get_indicative_quote(r);
     }},
    {"transfers", "get_payment_requirements", "POST", "/api/1.0/pay/fields", false,
     [] { return t::get_payment_requirements(account, receiver()); }},
};

}  // namespace
}  // namespace revolut::test
