// Payout links: request building and input validation (nothing is sent when it fails).
#include <revolut/api/payout_links.hpp>
#include <revolut/error.hpp>

#include "api/counterparties_checks.hpp"
#include "api/target.hpp"
#include "json/exact_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

namespace revolut::detail::payout_links {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace checks = api::field_checks;
using api::make_target;
using checks::invalid;

namespace {

std::string id_segment(const Uuid& id) {
    if (id.is_nil()) invalid("payout_link_id must not be the nil UUID");
    return id.to_string();
}

}  // namespace

Timestamp payout_created_before_time(const CreatedBefore& created_before) {
    return std::holds_alternative<Timestamp>(created_before) ? std::get<Timestamp>(created_before)
                                                             : parse_timestamp(std::get<std::string>(created_before));
}

ApiRequest get_all_payout_links(const std::vector<OpenEnum<PayoutLinkState>>& states,
                                const std::optional<CreatedBefore>& created_before, std::optional<int> limit) {
    api::QueryParams query;
    for (const auto& state : states) {
        if (state.str().empty()) invalid("state must not be empty");
        query.emplace_back("state", std::string(state.str()));  // repeated: state=a&state=b
    }
    if (created_before)
        query.emplace_back("created_before", format_timestamp(payout_created_before_time(*created_before)));
    if (limit) {
        checks::require_range(*limit, 1, 1000, "limit");
        query.emplace_back("limit", std::to_string(*limit));
    }
    return {http::verb::get, make_target({"1.0", "payout-links"}, query), {}};
}

ApiRequest get_payout_link(const Uuid& payout_link_id) {
    return {http::verb::get, make_target({"1.0", "payout-links", id_segment(payout_link_id)}), {}};
}

ApiRequest create_payout_link(const std::string& counterparty_name, const Uuid& account_id, const Decimal& amount,
                              const std::string& currency, const std::string& reference,
                              const std::vector<OpenEnum<PayoutMethod>>& payout_methods,
                              std::optional<bool> save_counterparty,
                              std::optional<std::chrono::seconds> expiry_period,
                              const std::optional<std::string>& transfer_reason_code,
                              const std::optional<std::string>& request_id) {
    if (checks::blank(counterparty_name)) invalid("counterparty_name must not be empty");
    if (account_id.is_nil()) invalid("account_id must not be the nil UUID");
    checks::require_positive(amount, "amount");
    checks::require_currency(currency, "currency");
    checks::require_length(reference, 1, 100, "reference");
    if (expiry_period && (*expiry_period < std::chrono::days(1) || *expiry_period > std::chrono::days(7)))
        invalid("expiry_period must be between 1 and 7 days (P1D..P7D)");

    ApiRequest request{http::verb::post, make_target({"1.0", "payout-links"}), {}};
    request.request_id = detail::make_request_id(request_id);  // once per logical call

    json::object body{{"counterparty_name", counterparty_name}, {"request_id", *request.request_id}};
    body["account_id"] = account_id.to_string();
    body["amount"] = json::value_from(amount);
    body["currency"] = currency;
    body["reference"] = reference;
    if (!payout_methods.empty()) {
        json::array methods;
        for (const auto& m : payout_methods) {
            if (m.str().empty()) invalid("payout_methods must not contain an empty value");
            methods.emplace_back(m.str());
        }
        body["payout_methods"] = std::move(methods);
    }
    if (save_counterparty) body["save_counterparty"] = *save_counterparty;
    if (expiry_period) body["expiry_period"] = format_duration(*expiry_period);
    if (transfer_reason_code) body["transfer_reason_code"] = *transfer_reason_code;
    request.json_body = detail::serialize_json_exact(json::value(std::move(body)));
    return request;
}

ApiRequest cancel_payout_link(const Uuid& payout_link_id) {
    return {http::verb::post, make_target({"1.0", "payout-links", id_segment(payout_link_id), "cancel"}), {}};
}

}  // namespace revolut::detail::payout_links
