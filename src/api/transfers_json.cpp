// Transfers: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/transfers.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

namespace {

Money read_money(const json::object& o) { return {required_decimal(o, "amount"), required_string(o, "currency")}; }

std::optional<Money> optional_money(const json::object& o, std::string_view key) {
    const auto* part = optional_object(o, key);
    if (!part) return std::nullopt;
    return read_money(*part);
}

QuoteFee read_fee(const json::object& o) {
    QuoteFee fee;
    fee.amount = required_decimal(o, "amount");
    fee.currency = required_string(o, "currency");
    if (const auto* breakdown = optional_object(o, "breakdown")) {
        QuoteFeeBreakdown parts;
        parts.transfer_fee = optional_money(*breakdown, "transfer_fee");
        parts.exchange_fee = optional_money(*breakdown, "exchange_fee");
        fee.breakdown = parts;
    }
    return fee;
}

// The rate is a JSON string holding a decimal ("1.16458").
std::optional<Decimal> decimal_text(const json::object& o, std::string_view key) {
    auto text = optional_string(o, key);
    if (!text) return std::nullopt;
    auto value = Decimal::try_parse(*text);
    if (!value) throw_bad_field(key, "a decimal number in a string");
    return value;
}

PaymentRequirementsField read_field(const json::value& v) {
    const auto& o = as_object(v, "fields");
    PaymentRequirementsField field;
    field.name = required_string(o, "name");
    field.required = required_bool(o, "required");
    if (const auto* rules = optional_object(o, "validation")) {
        PaymentRequirementsFieldValidation validation;
        validation.min_length = optional_int(*rules, "min_length");
        validation.max_length = optional_int(*rules, "max_length");
        if (const auto* regex = optional_object(*rules, "regex"))
            validation.regex = PaymentRequirementsFieldRegex{required_string(*regex, "pattern"),
                                                            required_string(*regex, "description")};
        field.validation = validation;
    }
    if (const auto* options = optional_array(o, "options")) {
        for (const auto& item : *options) {
            const auto& option = as_object(item, "options");
            field.options.push_back({required_string(option, "value"), optional_bool(option, "default").value_or(false)});
        }
    }
    return field;
}

}  // namespace

TransferResult tag_invoke(json::value_to_tag<TransferResult>, const json::value& v) {
    const auto& o = as_object(v, "transfer");
    TransferResult result;
    result.id = required_string(o, "id");
    result.state = required_enum<TransactionState>(o, "state");
    result.created_at = required_timestamp(o, "created_at");
    result.completed_at = optional_timestamp(o, "completed_at");
    result.request_id = optional_string(o, "request_id").value_or("");
    return result;
}

TransferReason tag_invoke(json::value_to_tag<TransferReason>, const json::value& v) {
    const auto& o = as_object(v, "transfer reason");
    return {required_string(o, "country"), required_string(o, "currency"),
            required_enum<TransferReasonCode>(o, "code"), required_string(o, "description")};
}

IndicativeQuote tag_invoke(json::value_to_tag<IndicativeQuote>, const json::value& v) {
    const auto& o = as_object(v, "indicative quote");
    IndicativeQuote quote;
    quote.amount = read_money(required_object(o, "amount"));
    quote.fee = read_fee(required_object(o, "fee"));
    quote.estimated_total = read_money(required_object(o, "estimated_total"));
    quote.estimated_exchange_rate = decimal_text(o, "estimated_exchange_rate");
    quote.estimated_amount_after_exchange = optional_money(o, "estimated_amount_after_exchange");
    if (const auto* arrival = optional_object(o, "estimated_arrival"))
        quote.estimated_arrival = EstimatedArrival{required_date(*arrival, "date"),
                                                   required_enum<ArrivalSpeed>(*arrival, "speed")};
    for (const auto& warning : string_array(o, "warnings")) quote.warnings.push_back(OpenEnum<QuoteWarning>::parse(warning));
    return quote;
}

PaymentRequirements tag_invoke(json::value_to_tag<PaymentRequirements>, const json::value& v) {
    const auto& o = as_object(v, "payment requirements");
    PaymentRequirements requirements;
    for (const auto& field : required_array(o, "fields")) requirements.fields.push_back(read_field(field));
    return requirements;
}

}  // namespace revolut

namespace revolut::detail {

template std::vector<TransferReason> decode<std::vector<TransferReason>>(const ApiResponse&);
template TransferResult decode<TransferResult>(const ApiResponse&);
template IndicativeQuote decode<IndicativeQuote>(const ApiResponse&);
template PaymentRequirements decode<PaymentRequirements>(const ApiResponse&);

}  // namespace revolut::detail
