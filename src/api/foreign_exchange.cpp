// Foreign exchange: request building and input validation (nothing is sent when it fails).
#include <revolut/api/foreign_exchange.hpp>

#include "api/target.hpp"
#include "api/transfers_checks.hpp"
#include "json/exact_json.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

namespace revolut::detail::foreign_exchange {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;

namespace {

json::object side_json(const ExchangeSide& side, const char* name) {
    const std::string prefix = std::string(name) + ".";
    json::object out;
    out["account_id"] = api::id_text(side.account_id, prefix + "account_id");
    api::require_currency(side.currency, prefix + "currency");
    out["currency"] = side.currency;
    if (side.amount) {
        api::require_positive(*side.amount, prefix + "amount");
        out["amount"] = json::value_from(*side.amount);
    }
    return out;
}

}  // namespace

ApiRequest get_exchange_rate(const std::string& from_currency, const std::string& to_currency,
                             const std::optional<Decimal>& amount) {
    api::require_currency(from_currency, "from_currency");
    api::require_currency(to_currency, "to_currency");
    api::QueryParams query{{"from", from_currency}};
    if (amount) {
        api::require_positive(*amount, "amount");
        query.emplace_back("amount", amount->to_string());
    }
    query.emplace_back("to", to_currency);
    return {http::verb::get, make_target({"1.0", "rate"}, query), {}};
}

ApiRequest exchange_money(const ExchangeRequest& request) {
    if (request.from.amount.has_value() == request.to.amount.has_value())
        api::invalid_argument("exchange_money needs the amount on exactly one side: from (sell) or to (buy)");
    if (request.from.currency == request.to.currency)
        api::invalid_argument("exchange_money needs two different currencies");
    json::object body;
    body["from"] = side_json(request.from, "from");
    body["to"] = side_json(request.to, "to");
    if (request.reference) body["reference"] = *request.reference;
    if (request.exchange_reason_code) {
        if (request.exchange_reason_code->str().empty()) api::invalid_argument("exchange_reason_code must not be empty");
        body["exchange_reason_code"] = request.exchange_reason_code->str();
    }
    const auto request_id = make_request_id(request.request_id);
    body["request_id"] = request_id;
    ApiRequest out{http::verb::post, make_target({"1.0", "exchange"}), serialize_json_exact(body)};
    out.request_id = request_id;
    return out;
}

ApiRequest get_exchange_reasons() { return {http::verb::get, make_target({"1.0", "exchange-reasons"}), {}}; }

}  // namespace revolut::detail::foreign_exchange
