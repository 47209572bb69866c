// Payment drafts: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/payment_drafts.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

namespace {

DraftAmount read_amount(const json::object& o, std::string_view what) {
    const auto& amount = required_object(o, what);
    return {required_decimal(amount, "amount"), required_string(amount, "currency")};
}

// The rate comes as text ("1.0000"): kept exact.
std::optional<Decimal> read_rate(const json::object& o) {
    const auto* v = o.if_contains("rate");
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_string()) {
        if (auto rate = Decimal::try_parse(v->get_string())) return rate;
        throw_bad_field("rate", "a decimal number");
    }
    return optional_decimal(o, "rate");
}

DraftPaymentReceiver read_receiver(const json::object& o) {
    return {required_uuid(o, "counterparty_id"), optional_uuid(o, "account_id"), optional_uuid(o, "card_id")};
}

}  // namespace

DraftPayment tag_invoke(json::value_to_tag<DraftPayment>, const json::value& v) {
    const auto& o = as_object(v, "payment");
    DraftPayment p;
    p.id = required_uuid(o, "id");
    p.amount = read_amount(o, "amount");
    p.currency = optional_string(o, "currency");
    p.account_id = required_uuid(o, "account_id");
    p.receiver = read_receiver(required_object(o, "receiver"));
    p.state = required_enum<DraftPaymentState>(o, "state");
    p.reason = optional_string(o, "reason");
    p.error_message = optional_string(o, "error_message");
    const auto& charge = required_object(o, "current_charge_options");
    p.current_charge_options.from = read_amount(charge, "from");
    p.current_charge_options.to = read_amount(charge, "to");
    p.current_charge_options.rate = read_rate(charge);
    if (optional_object(charge, "fee")) p.current_charge_options.fee = read_amount(charge, "fee");
    p.reference = optional_string(o, "reference");
    p.transfer_reason_code = optional_string(o, "transfer_reason_code");
    return p;
}

PaymentDraft tag_invoke(json::value_to_tag<PaymentDraft>, const json::value& v) {
    const auto& o = as_object(v, "payment draft");
    PaymentDraft d;
    d.scheduled_for = optional_date(o, "scheduled_for");
    d.title = optional_string(o, "title");
    for (const auto& item : required_array(o, "payments")) d.payments.push_back(json::value_to<DraftPayment>(item));
    d.source = optional_enum<PaymentDraftSource>(o, "source");
    return d;
}

PaymentDraftSummary tag_invoke(json::value_to_tag<PaymentDraftSummary>, const json::value& v) {
    const auto& o = as_object(v, "payment draft");
    PaymentDraftSummary d;
    d.id = required_uuid(o, "id");
    d.scheduled_for = optional_date(o, "scheduled_for");
    d.title = optional_string(o, "title");
    d.payments_count = required_int(o, "payments_count");
    d.source = optional_enum<PaymentDraftSource>(o, "source");
    return d;
}

PaymentDrafts tag_invoke(json::value_to_tag<PaymentDrafts>, const json::value& v) {
    const auto& o = as_object(v, "payment drafts");
    PaymentDrafts drafts;
    for (const auto& item : required_array(o, "payment_orders"))
        drafts.payment_orders.push_back(json::value_to<PaymentDraftSummary>(item));
    return drafts;
}

// 201 carries {id}; 204 (no payments given) has no body, which arrives as an empty object.
CreatedPaymentDraft tag_invoke(json::value_to_tag<CreatedPaymentDraft>, const json::value& v) {
    const auto& o = as_object(v, "created payment draft");
    return {optional_uuid(o, "id")};
}

CreatedDraftPayment tag_invoke(json::value_to_tag<CreatedDraftPayment>, const json::value& v) {
    const auto& o = as_object(v, "created payment");
    return {required_uuid(o, "id")};
}

}  // namespace revolut

namespace revolut::detail {

template PaymentDrafts decode<PaymentDrafts>(const ApiResponse&);
template PaymentDraft decode<PaymentDraft>(const ApiResponse&);
template CreatedPaymentDraft decode<CreatedPaymentDraft>(const ApiResponse&);
template CreatedDraftPayment decode<CreatedDraftPayment>(const ApiResponse&);

}  // namespace revolut::detail
