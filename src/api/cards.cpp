// Cards: request building and input validation (nothing is sent when it fails). Every
// request is marked production-only: the client refuses it in sandbox mode.
#include <revolut/api/cards.hpp>
#include <revolut/error.hpp>

#include "api/cards_controls.hpp"
#include "api/target.hpp"
#include "json/exact_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <set>

namespace revolut::detail::cards {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;
using api::card_controls::id_segment;
using api::card_controls::invalid;

namespace {

constexpr int max_limit = 100;
constexpr std::size_t max_contacts = 5;
constexpr std::size_t max_references = 5;
constexpr std::size_t max_reference_text = 30;

ApiRequest production(http::verb method, std::string target, std::optional<std::string> body = std::nullopt) {
    ApiRequest request{method, std::move(target), std::move(body)};
    request.environment = Environment::production_only;
    return request;
}

std::string card_segment(const Uuid& card_id) { return id_segment(card_id, "card_id"); }

ApiRequest card_action(const Uuid& card_id, std::string_view action) {
    return production(http::verb::post, make_target({"1.0", "cards", card_segment(card_id), action}));
}

void check_contacts(const std::vector<Uuid>& contact_ids) {
    if (contact_ids.empty() || contact_ids.size() > max_contacts)
        invalid("a company card has 1 to 5 contacts, got " + std::to_string(contact_ids.size()));
    if (std::set<Uuid>(contact_ids.begin(), contact_ids.end()).size() != contact_ids.size())
        invalid("contact_ids must not repeat a team member");
}

json::array references_json(const std::vector<CardReference>& references) {
    if (references.size() > max_references)
        invalid("a card has at most 5 references, got " + std::to_string(references.size()));
    std::set<std::string> names;
    json::array a;
    for (const auto& r : references) {
        const auto name_length = api::card_controls::code_points(r.name);
        const auto value_length = api::card_controls::code_points(r.value);
        if (name_length == 0 || name_length > max_reference_text || value_length == 0 ||
            value_length > max_reference_text)
            invalid("reference names and values must be 1 to 30 characters");
        if (!names.insert(r.name).second) invalid("reference names must be unique, '" + r.name + "' repeats");
        a.emplace_back(json::object{{"name", r.name}, {"value", r.value}});
    }
    return a;
}

// The three kinds of card the API issues, and which fields each one allows.
void check_card_kind(const CreateCardRequest& r) {
    if (r.holder_id) {
        id_segment(*r.holder_id, "holder_id");
        if (!r.contact_ids.empty() || r.product_code)
            invalid("a team member card (holder_id) takes no contact_ids or product_code");
        if (!r.references.empty()) invalid("a team member card (holder_id) takes no references");
    } else if (r.contact_ids.empty() && !r.product_code) {
        invalid("without holder_id a card needs contact_ids (company card) or product_code (auto-issued card)");
    }
    if (!r.contact_ids.empty()) check_contacts(r.contact_ids);
    if (r.product_code && r.product_code->empty()) invalid("product_code must not be empty");
}

}  // namespace

Timestamp created_before_time(const CreatedBefore& created_before) {
    return std::holds_alternative<Timestamp>(created_before) ? std::get<Timestamp>(created_before)
                                                             : parse_timestamp(std::get<std::string>(created_before));
}

ApiRequest get_all_cards(const std::optional<CreatedBefore>& created_before, std::optional<int> limit) {
    api::QueryParams query;
    if (created_before) query.emplace_back("created_before", format_timestamp(created_before_time(*created_before)));
    if (limit) {
        if (*limit < 1 || *limit > max_limit) invalid("limit must be between 1 and 100, got " + std::to_string(*limit));
        query.emplace_back("limit", std::to_string(*limit));
    }
    return production(http::verb::get, make_target({"1.0", "cards"}, query));
}

ApiRequest get_card(const Uuid& card_id) {
    return production(http::verb::get, make_target({"1.0", "cards", card_segment(card_id)}));
}

ApiRequest get_card_sensitive_details(const Uuid& card_id) {
    return production(http::verb::get, make_target({"1.0", "cards", card_segment(card_id), "sensitive-details"}));
}

ApiRequest create_card(const CreateCardRequest& r, const std::optional<std::string>& request_id) {
    check_card_kind(r);
    json::object body;
    // Fixed once for this logical call: every retry sends the same key.
    const std::string key = make_request_id(request_id);
    body["request_id"] = key;
    body["virtual"] = true;  // the API issues virtual cards only
    if (r.holder_id) body["holder_id"] = r.holder_id->to_string();
    if (!r.contact_ids.empty()) body["contact_ids"] = api::card_controls::uuid_array(r.contact_ids, "contact_ids");
    if (r.product_code) body["product"] = json::object{{"code", *r.product_code}};
    if (!r.references.empty()) body["references"] = references_json(r.references);
    api::card_controls::put_controls(body, {r.label, r.spending_limits, r.spending_period, r.categories,
                                            r.merchant_controls, r.countries, r.accounts});
    auto request = production(http::verb::post, make_target({"1.0", "cards"}), serialize_json_exact(body));
    request.request_id = key;
    return request;
}

ApiRequest freeze_card(const Uuid& card_id) { return card_action(card_id, "freeze"); }
ApiRequest unfreeze_card(const Uuid& card_id) { return card_action(card_id, "unfreeze"); }
ApiRequest lock_card(const Uuid& card_id) { return card_action(card_id, "lock"); }
ApiRequest unlock_card(const Uuid& card_id) { return card_action(card_id, "unlock"); }

ApiRequest update_card(const Uuid& card_id, const UpdateCardRequest& request) {
    auto target = make_target({"1.0", "cards", card_segment(card_id)});
    json::object body;
    api::card_controls::put_update(body, request);
    return production(http::verb::patch, std::move(target), serialize_json_exact(body));
}

ApiRequest update_card_contacts(const Uuid& card_id, const std::vector<Uuid>& contact_ids) {
    auto target = make_target({"1.0", "cards", card_segment(card_id), "contacts"});
    check_contacts(contact_ids);
    // The whole body is the array.
    return production(http::verb::put, std::move(target),
                      serialize_json_exact(api::card_controls::uuid_array(contact_ids, "contact_ids")));
}

ApiRequest update_card_references(const Uuid& card_id, const std::vector<CardReference>& references) {
    auto target = make_target({"1.0", "cards", card_segment(card_id), "references"});
    return production(http::verb::put, std::move(target), serialize_json_exact(references_json(references)));
}

ApiRequest delete_card(const Uuid& card_id) {
    // The spec's route, with its version (pyrevolut's lacks /1.0).
    return production(http::verb::delete_, make_target({"1.0", "cards", card_segment(card_id)}));
}

}  // namespace revolut::detail::cards
