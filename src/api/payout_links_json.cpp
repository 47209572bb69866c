// Payout links: JSON mapping of the model and the decoders the endpoint methods use.
#include <revolut/api/payout_links.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

PayoutLink tag_invoke(json::value_to_tag<PayoutLink>, const json::value& v) {
    const auto& o = as_object(v, "payout link");
    PayoutLink link;
    link.id = required_uuid(o, "id");
    link.state = required_enum<PayoutLinkState>(o, "state");
    link.created_at = required_timestamp(o, "created_at");
    link.updated_at = required_timestamp(o, "updated_at");
    link.counterparty_name = required_string(o, "counterparty_name");
    link.save_counterparty = optional_bool(o, "save_counterparty");
    // Filled from the call's own key when absent (detail::attach_request_id).
    link.request_id = optional_string(o, "request_id").value_or("");
    link.expiry_date = optional_timestamp(o, "expiry_date");
    required_array(o, "payout_methods");
    for (const auto& method : string_array(o, "payout_methods"))
        link.payout_methods.push_back(OpenEnum<PayoutMethod>::parse(method));
    link.account_id = required_uuid(o, "account_id");
    link.amount = required_decimal(o, "amount");
    link.currency = required_string(o, "currency");
    link.url = optional_string(o, "url");
    link.reference = required_string(o, "reference");
    link.transfer_reason_code = optional_string(o, "transfer_reason_code");
    link.counterparty_id = optional_uuid(o, "counterparty_id");
    link.transaction_id = optional_uuid(o, "transaction_id");
    link.cancellation_reason = optional_string(o, "cancellation_reason");
    return link;
}

}  // namespace revolut

namespace revolut::detail {

template std::vector<PayoutLink> decode<std::vector<PayoutLink>>(const ApiResponse&);
template PayoutLink decode<PayoutLink>(const ApiResponse&);

}  // namespace revolut::detail
