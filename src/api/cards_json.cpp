// Cards: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/cards.hpp>

#include "api/cards_controls.hpp"
#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;
using namespace api::card_controls;

namespace {

void read_card(const json::object& o, Card& card) {
    card.id = required_uuid(o, "id");
    card.holder_id = optional_uuid(o, "holder_id");
    card.contact_ids = read_uuids(o, "contact_ids");
    card.created_at = required_timestamp(o, "created_at");
    card.updated_at = required_timestamp(o, "updated_at");
    if (const auto* product = optional_object(o, "product")) card.product = CardProduct{required_string(*product, "code")};
    card.is_virtual = required_bool(o, "virtual");
    card.last_digits = required_string(o, "last_digits");
    card.expiry = required_string(o, "expiry");
    card.label = optional_string(o, "label");
    if (const auto* references = optional_array(o, "references"))
        for (const auto& r : *references) card.references.push_back(read_reference(r));
    card.state = required_enum<CardState>(o, "state");
    card.can_be_unlocked = optional_bool(o, "can_be_unlocked");
    card.spend_program = read_spend_program(o);
    if (const auto* limits = optional_object(o, "spending_limits")) card.spending_limits = read_spending_limits(*limits);
    if (const auto* period = optional_object(o, "spending_period")) card.spending_period = read_spending_period(*period);
    card.categories = read_categories(o);
    if (const auto* controls = optional_object(o, "merchant_controls"))
        card.merchant_controls = read_merchant_controls(*controls);
    card.countries = string_array(o, "countries");
    card.accounts = read_uuids(o, "accounts");
}

}  // namespace

Card tag_invoke(json::value_to_tag<Card>, const json::value& v) {
    Card card;
    read_card(as_object(v, "card"), card);
    return card;
}

CreatedCard tag_invoke(json::value_to_tag<CreatedCard>, const json::value& v) {
    CreatedCard card;
    const auto& o = as_object(v, "card");
    read_card(o, card);
    // Revolut does not echo the key; detail::call fills it in from the request.
    card.request_id = optional_string(o, "request_id").value_or("");
    return card;
}

// Only field names reach an error message here: the values are secrets.
CardSensitiveDetails tag_invoke(json::value_to_tag<CardSensitiveDetails>, const json::value& v) {
    const auto& o = as_object(v, "card sensitive details");
    return {required_string(o, "pan"), required_string(o, "cvv"), required_string(o, "expiry")};
}

CardReference tag_invoke(json::value_to_tag<CardReference>, const json::value& v) { return read_reference(v); }

}  // namespace revolut

namespace revolut::detail {

template <>
std::vector<Uuid> decode<std::vector<Uuid>>(const ApiResponse& response) {
    auto body = api::parse_body_exact(response);
    if (!body.is_array()) api::throw_bad_field("contacts", "an array of UUIDs");
    std::vector<Uuid> ids;
    for (const auto& item : body.get_array()) {
        auto id = item.is_string() ? Uuid::try_parse(item.get_string()) : std::nullopt;
        if (!id) api::throw_bad_field("contacts", "an array of UUIDs");
        ids.push_back(*id);
    }
    return ids;
}

template std::vector<Card> decode<std::vector<Card>>(const ApiResponse&);
template Card decode<Card>(const ApiResponse&);
template CreatedCard decode<CreatedCard>(const ApiResponse&);
template CardSensitiveDetails decode<CardSensitiveDetails>(const ApiResponse&);
template std::vector<CardReference> decode<std::vector<CardReference>>(const ApiResponse&);

}  // namespace revolut::detail
