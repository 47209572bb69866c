// Card invitations: request building and input validation (nothing is sent when it fails).
// Every request is marked production-only: the client refuses it in sandbox mode.
#include <revolut/api/card_invitations.hpp>
#include <revolut/error.hpp>

#include "api/cards_controls.hpp"
#include "api/target.hpp"
#include "json/exact_json.hpp"

#include <boost/json/object.hpp>

namespace revolut::detail::card_invitations {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;
using api::card_controls::id_segment;
using api::card_controls::invalid;

namespace {

constexpr int max_limit = 100;
constexpr std::chrono::days min_expiry_period{1};
constexpr std::chrono::days max_expiry_period{90};

ApiRequest production(http::verb method, std::string target, std::optional<std::string> body = std::nullopt) {
    ApiRequest request{method, std::move(target), std::move(body)};
    request.environment = Environment::production_only;
    return request;
}

std::string invitation_segment(const Uuid& id) { return id_segment(id, "card_invitation_id"); }

}  // namespace

ApiRequest create_card_invitation(const CreateCardInvitationRequest& r, const std::optional<std::string>& request_id) {
    id_segment(r.holder_id, "holder_id");
    json::object body;
    // Fixed once for this logical call: every retry sends the same key.
    const std::string key = make_request_id(request_id);
    body["request_id"] = key;
    body["holder_id"] = r.holder_id.to_string();
    body["virtual"] = true;  // the API issues virtual cards only
    if (r.expiry_period) {
        if (*r.expiry_period < min_expiry_period || *r.expiry_period > max_expiry_period)
            invalid("expiry_period must be 1 to 90 days, got " + std::to_string(r.expiry_period->count()));
        body["expiry_period"] = "P" + std::to_string(r.expiry_period->count()) + "D";
    }
    api::card_controls::put_controls(body, {r.label, r.spending_limits, r.spending_period, r.categories,
                                            r.merchant_controls, r.countries, r.accounts});
    auto request = production(http::verb::post, make_target({"1.0", "card-invitations"}), serialize_json_exact(body));
    request.request_id = key;
    return request;
}

ApiRequest get_all_card_invitations(const std::optional<CreatedBefore>& created_before, std::optional<int> limit,
                                    const std::vector<OpenEnum<CardInvitationState>>& states) {
    api::QueryParams query;
    if (created_before)
        query.emplace_back("created_before", format_timestamp(cards::created_before_time(*created_before)));
    if (limit) {
        if (*limit < 1 || *limit > max_limit) invalid("limit must be between 1 and 100, got " + std::to_string(*limit));
        query.emplace_back("limit", std::to_string(*limit));
    }
    // Repeated, as the spec shows: state=created&state=redeemed.
    for (const auto& state : states) {
        if (state.str().empty()) invalid("card invitation state filter must not be empty");
        query.emplace_back("state", std::string(state.str()));
    }
    return production(http::verb::get, make_target({"1.0", "card-invitations"}, query));
}

ApiRequest get_card_invitation(const Uuid& card_invitation_id) {
    return production(http::verb::get, make_target({"1.0", "card-invitations", invitation_segment(card_invitation_id)}));
}

ApiRequest update_card_invitation(const Uuid& card_invitation_id, const UpdateCardInvitationRequest& request) {
    auto target = make_target({"1.0", "card-invitations", invitation_segment(card_invitation_id)});
    json::object body;
    api::card_controls::put_update(body, request);
    return production(http::verb::patch, std::move(target), serialize_json_exact(body));
}

ApiRequest cancel_card_invitation(const Uuid& card_invitation_id) {
    return production(http::verb::post,
                      make_target({"1.0", "card-invitations", invitation_segment(card_invitation_id), "cancel"}));
}

}  // namespace revolut::detail::card_invitations
