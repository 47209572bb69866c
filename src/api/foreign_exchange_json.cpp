// Foreign exchange: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/foreign_exchange.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

namespace {

ExchangeAmount read_amount(const json::object& o, std::string_view key) {
    const auto& part = required_object(o, key);
    return {optional_decimal(part, "amount"), optional_string(part, "currency")};
}

}  // namespace

ExchangeRate tag_invoke(json::value_to_tag<ExchangeRate>, const json::value& v) {
    const auto& o = as_object(v, "exchange rate");
    ExchangeRate rate;
    rate.from = read_amount(o, "from");
    rate.to = read_amount(o, "to");
    rate.rate = required_decimal(o, "rate");
    rate.fee = read_amount(o, "fee");
    rate.rate_date = required_timestamp(o, "rate_date");
    return rate;
}

ExchangeReason tag_invoke(json::value_to_tag<ExchangeReason>, const json::value& v) {
    const auto& o = as_object(v, "exchange reason");
    return {required_enum<ExchangeReasonCode>(o, "code"), required_string(o, "name")};
}

ExchangeResult tag_invoke(json::value_to_tag<ExchangeResult>, const json::value& v) {
    const auto& o = as_object(v, "exchange");
    ExchangeResult result;
    result.id = required_string(o, "id");
    result.type = optional_enum<TransactionType>(o, "type");
    result.state = optional_enum<TransactionState>(o, "state");
    result.reason_code = optional_string(o, "reason_code");
    result.created_at = optional_timestamp(o, "created_at");
    result.completed_at = optional_timestamp(o, "completed_at");
    result.request_id = optional_string(o, "request_id").value_or("");
    return result;
}

}  // namespace revolut

namespace revolut::detail {

template ExchangeRate decode<ExchangeRate>(const ApiResponse&);
template std::vector<ExchangeReason> decode<std::vector<ExchangeReason>>(const ApiResponse&);
template ExchangeResult decode<ExchangeResult>(const ApiResponse&);

}  // namespace revolut::detail
