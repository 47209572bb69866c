// Card invitations: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/card_invitations.hpp>

#include "api/cards_controls.hpp"
#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;
using namespace api::card_controls;

namespace {

void read_invitation(const json::object& o, CardInvitation& invitation) {
    invitation.id = required_uuid(o, "id");
    invitation.state = required_enum<CardInvitationState>(o, "state");
    invitation.created_at = required_timestamp(o, "created_at");
    invitation.updated_at = required_timestamp(o, "updated_at");
    invitation.expiry_date = optional_timestamp(o, "expiry_date");
    invitation.card_id = optional_uuid(o, "card_id");
    invitation.holder_id = optional_uuid(o, "holder_id");
    invitation.is_virtual = required_bool(o, "virtual");
    invitation.label = optional_string(o, "label");
    invitation.spend_program = read_spend_program(o);
    if (const auto* limits = optional_object(o, "spending_limits"))
        invitation.spending_limits = read_spending_limits(*limits);
    if (const auto* period = optional_object(o, "spending_period"))
        invitation.spending_period = read_spending_period(*period);
    invitation.categories = read_categories(o);
    if (const auto* controls = optional_object(o, "merchant_controls"))
        invitation.merchant_controls = read_merchant_controls(*controls);
    invitation.countries = string_array(o, "countries");
    invitation.accounts = read_uuids(o, "accounts");
}

}  // namespace

CardInvitation tag_invoke(json::value_to_tag<CardInvitation>, const json::value& v) {
    CardInvitation invitation;
    read_invitation(as_object(v, "card invitation"), invitation);
    return invitation;
}

CreatedCardInvitation tag_invoke(json::value_to_tag<CreatedCardInvitation>, const json::value& v) {
    CreatedCardInvitation invitation;
    const auto& o = as_object(v, "card invitation");
    read_invitation(o, invitation);
    // Revolut does not echo the key; detail::call fills it in from the request.
    invitation.request_id = optional_string(o, "request_id").value_or("");
    return invitation;
}

}  // namespace revolut

namespace revolut::detail {

template std::vector<CardInvitation> decode<std::vector<CardInvitation>>(const ApiResponse&);
template CardInvitation decode<CardInvitation>(const ApiResponse&);
template CreatedCardInvitation decode<CreatedCardInvitation>(const ApiResponse&);

}  // namespace revolut::detail
