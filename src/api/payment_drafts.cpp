// Payment drafts: request building and input validation (nothing is sent when it fails).
#include <revolut/api/payment_drafts.hpp>
#include <revolut/error.hpp>

#include "api/counterparties_checks.hpp"
#include "api/target.hpp"
#include "json/exact_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

namespace revolut::detail::payment_drafts {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace checks = api::field_checks;
using api::make_target;
using checks::invalid;

namespace {

constexpr std::size_t max_text = 255;  // title and reference

std::string id_segment(const Uuid& id, const char* what) {
    if (id.is_nil()) invalid(std::string(what) + " must not be the nil UUID");
    return id.to_string();
}

json::object receiver_json(const DraftPaymentReceiver& receiver) {
    if (receiver.counterparty_id.is_nil()) invalid("receiver.counterparty_id must not be the nil UUID");
    json::object o{{"counterparty_id", receiver.counterparty_id.to_string()}};
    if (receiver.account_id) o["account_id"] = receiver.account_id->to_string();
    if (receiver.card_id) o["card_id"] = receiver.card_id->to_string();
    return o;
}

void put_charge_bearer(json::object& o, const std::optional<OpenEnum<DraftChargeBearer>>& charge_bearer) {
    if (!charge_bearer) return;
    if (charge_bearer->str().empty()) invalid("charge_bearer must not be empty");
    o["charge_bearer"] = charge_bearer->str();
}

json::object payment_json(const DraftPaymentRequest& p) {
    if (p.account_id.is_nil()) invalid("account_id must not be the nil UUID");
    checks::require_positive(p.amount, "amount");
    checks::require_currency(p.currency, "currency");
    checks::require_length(p.reference, 1, max_text, "reference");
    json::object o{{"account_id", p.account_id.to_string()}, {"receiver", receiver_json(p.receiver)}};
    o["amount"] = json::value_from(p.amount);
    o["currency"] = p.currency;
    o["reference"] = p.reference;
    put_charge_bearer(o, p.charge_bearer);
    if (p.transfer_reason_code) o["transfer_reason_code"] = *p.transfer_reason_code;
    return o;
}

std::string body_text(const json::object& body) {
    return detail::serialize_json_exact(json::value(body));
}

}  // namespace

ApiRequest get_all_payment_drafts(const std::optional<OpenEnum<PaymentDraftSource>>& source) {
    api::QueryParams query;
    if (source) {
        // `business_app` appears on drafts but is not a filter value.
        if (source->str().empty() || *source == PaymentDraftSource::business_app)
            invalid("source must be api, integration, email or all");
        query.emplace_back("source", std::string(source->str()));
    }
    return {http::verb::get, make_target({"1.0", "payment-drafts"}, query), {}};
}

ApiRequest get_payment_draft(const Uuid& payment_draft_id) {
    return {http::verb::get, make_target({"1.0", "payment-drafts", id_segment(payment_draft_id, "payment_draft_id")}),
            {}};
}

ApiRequest create_payment_draft(const std::vector<DraftPaymentRequest>& payments,
                                const std::optional<std::string>& title, const std::optional<Date>& schedule_for) {
    json::object body;
    if (title) {
        checks::require_length(*title, 1, max_text, "title");
        body["title"] = *title;
    }
    if (schedule_for) {
        if (!schedule_for->ok()) invalid("schedule_for is not a valid date");
        body["schedule_for"] = format_date(*schedule_for);
    }
    json::array list;
    for (const auto& payment : payments) {
        if (payments.size() > 1 && payment.charge_bearer)
            invalid("charge_bearer is not supported for bulk payments (more than one payment)");
        list.push_back(payment_json(payment));
    }
    body["payments"] = std::move(list);  // required, even empty (the server answers 204)
    return {http::verb::post, make_target({"1.0", "payment-drafts"}), body_text(body)};
}

ApiRequest delete_payment_draft(const Uuid& payment_draft_id) {
    return {http::verb::delete_,
            make_target({"1.0", "payment-drafts", id_segment(payment_draft_id, "payment_draft_id")}), {}};
}

ApiRequest update_payment_draft(const Uuid& payment_draft_id, const DraftFieldUpdate<std::string>& title,
                                const DraftFieldUpdate<Date>& schedule_for) {
    if (!title.given() && !schedule_for.given()) invalid("update_payment_draft needs a title or schedule_for");
    json::object body;
    if (title.clear) {
        body["title"] = nullptr;
    } else if (title.value) {
        checks::require_length(*title.value, 1, max_text, "title");
        body["title"] = *title.value;
    }
    if (schedule_for.clear) {
        body["schedule_for"] = nullptr;
    } else if (schedule_for.value) {
        if (!schedule_for.value->ok()) invalid("schedule_for is not a valid date");
        body["schedule_for"] = format_date(*schedule_for.value);
    }
    return {http::verb::patch,
            make_target({"1.0", "payment-drafts", id_segment(payment_draft_id, "payment_draft_id")}), body_text(body)};
}

ApiRequest add_payment_draft_payment(const Uuid& payment_draft_id, const DraftPaymentRequest& payment) {
    return {http::verb::post,
            make_target({"1.0", "payment-drafts", id_segment(payment_draft_id, "payment_draft_id"), "payments"}),
            body_text(payment_json(payment))};
}

ApiRequest update_payment_draft_payment(const Uuid& payment_draft_id, const Uuid& payment_id,
                                        const UpdateDraftPaymentRequest& u) {
    json::object body;
    if (u.receiver) body["receiver"] = receiver_json(*u.receiver);
    if (u.amount) {
        checks::require_positive(*u.amount, "amount");
        body["amount"] = json::value_from(*u.amount);
    }
    if (u.currency) {
        checks::require_currency(*u.currency, "currency");
        body["currency"] = *u.currency;
    }
    if (u.reference) {
        checks::require_length(*u.reference, 1, max_text, "reference");
        body["reference"] = *u.reference;
    }
    put_charge_bearer(body, u.charge_bearer);
    if (u.transfer_reason_code) body["transfer_reason_code"] = *u.transfer_reason_code;
    if (body.empty()) invalid("update_payment_draft_payment needs at least one field to change");
    return {http::verb::patch,
            make_target({"1.0", "payment-drafts", id_segment(payment_draft_id, "payment_draft_id"), "payments",
                         id_segment(payment_id, "payment_id")}),
            body_text(body)};
}

ApiRequest delete_payment_draft_payment(const Uuid& payment_draft_id, const Uuid& payment_id) {
    return {http::verb::delete_,
            make_target({"1.0", "payment-drafts", id_segment(payment_draft_id, "payment_draft_id"), "payments",
                         id_segment(payment_id, "payment_id")}),
            {}};
}

}  // namespace revolut::detail::payment_drafts
