// Transfers: request building and input validation (nothing is sent when it fails).
#include <revolut/api/transfers.hpp>

#include "api/target.hpp"
#include "api/transfers_checks.hpp"
#include "json/exact_json.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

namespace revolut::detail::transfers {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;

namespace {

// The spec's limits on /pay's free-text fields.
constexpr std::size_t max_reference = 140;
constexpr std::size_t max_fiscal_code = 50;

json::object receiver_json(const TransferReceiver& receiver) {
    if (receiver.account_id && receiver.card_id)
        api::invalid_argument("receiver takes an account_id or a card_id, not both");
    json::object out;
    out["counterparty_id"] = api::id_text(receiver.counterparty_id, "receiver.counterparty_id");
    if (receiver.account_id) out["account_id"] = api::id_text(*receiver.account_id, "receiver.account_id");
    if (receiver.card_id) out["card_id"] = api::id_text(*receiver.card_id, "receiver.card_id");
    return out;
}

template <class E>
void put_enum(json::object& body, const char* key, const std::optional<OpenEnum<E>>& value) {
    if (!value) return;
    if (value->str().empty()) api::invalid_argument(std::string(key) + " must not be empty");
    body[key] = value->str();
}

// The fields /pay and /pay/indicative-quote share.
json::object payment_json(const Uuid& account_id, const TransferReceiver& receiver, const Decimal& amount,
                          const std::string& currency) {
    json::object body;
    body["account_id"] = api::id_text(account_id, "account_id");
    body["receiver"] = receiver_json(receiver);
    api::require_positive(amount, "amount");
    body["amount"] = json::value_from(amount);
    api::require_currency(currency, "currency");
    body["currency"] = currency;
    return body;
}

ApiRequest post(std::string_view last_segment, const json::object& body) {
    std::string target = last_segment.empty() ? make_target({"1.0", "pay"}) : make_target({"1.0", "pay", last_segment});
    return {http::verb::post, std::move(target), serialize_json_exact(body)};
}

}  // namespace

ApiRequest get_transfer_reasons() { return {http::verb::get, make_target({"1.0", "transfer-reasons"}), {}}; }

ApiRequest create_transfer_to_another_account(const CreatePaymentRequest& request) {
    auto body = payment_json(request.account_id, request.receiver, request.amount, request.currency);
    if (request.reference) {
        api::require_max_length(*request.reference, max_reference, "reference");
        body["reference"] = *request.reference;
    }
    put_enum(body, "charge_bearer", request.charge_bearer);
    put_enum(body, "transfer_reason_code", request.transfer_reason_code);
    put_enum(body, "exchange_reason_code", request.exchange_reason_code);
    if (request.fiscal_code) {
        const auto& code = *request.fiscal_code;
        api::require_max_length(code, max_fiscal_code, "fiscal_code");
        bool alphanumeric = !code.empty();
        for (char c : code)
            alphanumeric = alphanumeric && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        if (!alphanumeric) api::invalid_argument("fiscal_code must be letters and digits only");
        body["fiscal_code"] = code;
    }
    const auto request_id = make_request_id(request.request_id);
    body["request_id"] = request_id;
    auto out = post("", body);
    out.request_id = request_id;
    return out;
}

ApiRequest move_money_between_accounts(const Uuid& source_account_id, const Uuid& target_account_id,
                                       const Decimal& amount, const std::string& currency,
                                       const std::optional<std::string>& reference,
                                       const std::optional<std::string>& request_id) {
    json::object body;
    body["source_account_id"] = api::id_text(source_account_id, "source_account_id");
    body["target_account_id"] = api::id_text(target_account_id, "target_account_id");
    if (source_account_id == target_account_id)
        api::invalid_argument("source_account_id and target_account_id must differ");
    api::require_positive(amount, "amount");
    body["amount"] = json::value_from(amount);
    api::require_currency(currency, "currency");
    body["currency"] = currency;
    if (reference) body["reference"] = *reference;
    const auto key = make_request_id(request_id);
    body["request_id"] = key;
    ApiRequest out{http::verb::post, make_target({"1.0", "transfer"}), serialize_json_exact(body)};
    out.request_id = key;
    return out;
}

ApiRequest get_indicative_quote(const IndicativeQuoteRequest& request) {
    auto body = payment_json(request.account_id, request.receiver, request.amount, request.currency);
    put_enum(body, "charge_bearer", request.charge_bearer);
    put_enum(body, "transfer_reason_code", request.transfer_reason_code);
    put_enum(body, "exchange_reason_code", request.exchange_reason_code);
    return post("indicative-quote", body);
}

ApiRequest get_payment_requirements(const Uuid& account_id, const TransferReceiver& receiver) {
    json::object body;
    body["account_id"] = api::id_text(account_id, "account_id");
    body["receiver"] = receiver_json(receiver);
    return post("fields", body);
}

}  // namespace revolut::detail::transfers
