// Transactions: JSON mapping of the Transaction model (shared with the TransactionCreated
// webhook event) and the decoders the endpoint methods use.
#include <revolut/api/transactions.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut::webhook {

namespace json = boost::json;
using namespace api;

namespace {

TransactionCounterparty read_counterparty(const json::object& o) {
    TransactionCounterparty counterparty;
    counterparty.id = optional_string(o, "id");
    counterparty.account_id = optional_string(o, "account_id");
    counterparty.account_type = required_enum<CounterpartyAccountType>(o, "account_type");
    return counterparty;
}

TransactionLeg read_leg(const json::value& v) {
    const auto& o = as_object(v, "legs");
    TransactionLeg leg;
    leg.leg_id = required_string(o, "leg_id");
    leg.account_id = required_string(o, "account_id");
    if (const auto* counterparty = optional_object(o, "counterparty"))
        leg.counterparty = read_counterparty(*counterparty);
    leg.amount = required_decimal(o, "amount");
    leg.fee = optional_decimal(o, "fee");
    leg.currency = required_string(o, "currency");
    leg.bill_amount = optional_decimal(o, "bill_amount");
    leg.bill_currency = optional_string(o, "bill_currency");
    leg.description = optional_string(o, "description");
    leg.balance = optional_decimal(o, "balance");
    return leg;
}

TransactionMerchant read_merchant(const json::object& o) {
    TransactionMerchant merchant;
    merchant.id = optional_string(o, "id");
    merchant.name = optional_string(o, "name");
    merchant.city = optional_string(o, "city");
    merchant.category_code = optional_string(o, "category_code");
    merchant.country = optional_string(o, "country");
    return merchant;
}

TransactionCard read_card(const json::object& o) {
    TransactionCard card;
    card.id = optional_string(o, "id");
    card.card_number = optional_string(o, "card_number");
    card.first_name = optional_string(o, "first_name");
    card.last_name = optional_string(o, "last_name");
    card.phone = optional_string(o, "phone");
    if (const auto* references = optional_array(o, "references")) {
        for (const auto& item : *references) {
            const auto& r = as_object(item, "references");
            card.references.push_back(CardReference{required_string(r, "name"), required_string(r, "value")});
        }
    }
    return card;
}

}  // namespace

TransactionCreated tag_invoke(json::value_to_tag<TransactionCreated>, const json::value& v) {
    const auto& o = as_object(v, "transaction");
    TransactionCreated t;
    t.id = required_string(o, "id");
    t.type = required_enum<TransactionType>(o, "type");
    t.state = required_enum<TransactionState>(o, "state");
    t.request_id = optional_string(o, "request_id");
    t.reason_code = optional_string(o, "reason_code");
    t.created_at = required_timestamp(o, "created_at");
    t.updated_at = required_timestamp(o, "updated_at");
    t.completed_at = optional_timestamp(o, "completed_at");
    t.scheduled_for = optional_date(o, "scheduled_for");
    t.reference = optional_string(o, "reference");
    t.related_transaction_id = optional_string(o, "related_transaction_id");
    for (const auto& leg : required_array(o, "legs")) t.legs.push_back(read_leg(leg));
    if (const auto* merchant = optional_object(o, "merchant")) t.merchant = read_merchant(*merchant);
    if (const auto* card = optional_object(o, "card")) t.card = read_card(*card);
    return t;
}

}  // namespace revolut::webhook

namespace revolut::detail {

template std::vector<Transaction> decode<std::vector<Transaction>>(const ApiResponse&);
template Transaction decode<Transaction>(const ApiResponse&);

}  // namespace revolut::detail
