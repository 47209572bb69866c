// Counterparties: request building and input validation (nothing is sent when it fails).
#include <revolut/api/counterparties.hpp>
#include <revolut/error.hpp>

#include "api/target.hpp"
#include "api/counterparties_checks.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace revolut::detail::counterparties {

namespace http = boost::beast::http;
namespace json = boost::json;
namespace api_checks = api::field_checks;
using api::field_checks::invalid;
using api::make_target;

namespace {

std::string id_segment(const Uuid& id, const char* what) {
    if (id.is_nil()) invalid(std::string(what) + " must not be the nil UUID");
    return id.to_string();
}

void put(json::object& body, std::string_view key, const std::optional<std::string>& value) {
    if (value) body[key] = *value;
}

template <class E>
void put(json::object& body, std::string_view key, const std::optional<OpenEnum<E>>& value) {
    if (!value) return;
    if (value->str().empty()) invalid(std::string(key) + " must not be empty");
    body[key] = value->str();
}

json::object individual_name_json(const IndividualName& person) {
    if (!person.first_name || api_checks::blank(*person.first_name)) invalid("individual_name.first_name is required");
    if (!person.last_name || api_checks::blank(*person.last_name)) invalid("individual_name.last_name is required");
    return {{"first_name", *person.first_name}, {"last_name", *person.last_name}};
}

// `postcode_required`: BeneficiaryAddress (create) needs it; every field is optional
// otherwise except country. The payment-method update needs more (see below).
json::object address_json(const CounterpartyAddress& a, bool postcode_required) {
    api_checks::require_country(a.country, "address.country");
    if (postcode_required && (!a.postcode || api_checks::blank(*a.postcode))) invalid("address.postcode is required");
    json::object o;
    put(o, "street_line1", a.street_line1);
    put(o, "street_line2", a.street_line2);
    put(o, "region", a.region);
    put(o, "city", a.city);
    o["country"] = a.country;
    put(o, "postcode", a.postcode);
    return o;
}

void check_max(const std::optional<std::string>& value, std::size_t max, const char* what) {
    if (value && value->size() > max)
        invalid(std::string(what) + " must be at most " + std::to_string(max) + " characters");
}

// One name, as the spec's field descriptions require: `name` for a Revolut counterparty,
// `company_name` or `individual_name` for a bank account.
void check_names(const CreateCounterpartyRequest& r) {
    const int names = (r.name ? 1 : 0) + (r.company_name ? 1 : 0) + (r.individual_name ? 1 : 0);
    if (names == 0) invalid("create_counterparty needs name (with revtag), company_name or individual_name");
    if (names > 1) invalid("give only one of name, company_name and individual_name");
    if (r.name && api_checks::blank(*r.name)) invalid("name must not be empty");
    if (r.revtag && !r.name) invalid("a counterparty added by revtag needs its account holder's name");
    if (r.name && !r.revtag && !r.phone) invalid("name is only for Revolut counterparties (revtag or phone)");
    if (r.company_name && api_checks::letter_count(*r.company_name) < 2)
        invalid("company_name must contain at least 2 letters");
}

}  // namespace

Timestamp created_before_time(const CreatedBefore& created_before) {
    return std::holds_alternative<Timestamp>(created_before) ? std::get<Timestamp>(created_before)
                                                             : parse_timestamp(std::get<std::string>(created_before));
}

ApiRequest get_all_counterparties(const CounterpartyFilter& filter, const std::optional<CreatedBefore>& created_before,
                                  std::optional<int> limit) {
    if (filter.sort_code && !filter.account_no) invalid("sort_code can only be used together with account_no");
    if (filter.bic && !filter.iban) invalid("bic can only be used together with iban");
    api::QueryParams query;
    auto add = [&](const char* key, const std::optional<std::string>& value) {
        if (value) query.emplace_back(key, *value);
    };
    add("name", filter.name);
    add("account_no", filter.account_no);
    add("sort_code", filter.sort_code);
    add("iban", filter.iban);
    add("bic", filter.bic);
    if (created_before) query.emplace_back("created_before", format_timestamp(created_before_time(*created_before)));
    if (limit) {
        api_checks::require_range(*limit, 1, 1000, "limit");
        query.emplace_back("limit", std::to_string(*limit));
    }
    return {http::verb::get, make_target({"1.0", "counterparties"}, query), {}};
}

ApiRequest get_counterparty(const Uuid& counterparty_id) {
    return {http::verb::get, make_target({"1.0", "counterparty", id_segment(counterparty_id, "counterparty_id")}), {}};
}

ApiRequest create_counterparty(const CreateCounterpartyRequest& r) {
    check_names(r);
    if (r.revtag && api_checks::blank(*r.revtag)) invalid("revtag must not be empty");
    if (!r.revtag && !r.name) {
        // A bank account: where it is and in which currency.
        if (!r.bank_country) invalid("bank_country is required for a bank-account counterparty");
        if (!r.currency) invalid("currency is required for a bank-account counterparty");
    }
    if (r.bank_country) api_checks::require_country(*r.bank_country, "bank_country");
    if (r.currency) api_checks::require_currency(*r.currency, "currency");
    if (r.bank_number && r.bank_number->size() != 3) invalid("bank_number must be 3 characters");
    if (r.branch_code && r.branch_code->size() != 4) invalid("branch_code must be 4 characters");
    check_max(r.tax_id, 20, "tax_id");
    check_max(r.phone, 20, "phone");
    check_max(r.business_registration_id, 64, "business_registration_id");

    json::object body;
    put(body, "profile_type", r.profile_type);
    put(body, "revtag", r.revtag);
    put(body, "name", r.name);
    put(body, "company_name", r.company_name);
    if (r.individual_name) body["individual_name"] = individual_name_json(*r.individual_name);
    put(body, "bank_country", r.bank_country);
    put(body, "currency", r.currency);
    put(body, "account_no", r.account_no);
    put(body, "iban", r.iban);
    put(body, "sort_code", r.sort_code);
    put(body, "routing_number", r.routing_number);
    put(body, "bic", r.bic);
    put(body, "clabe", r.clabe);
    put(body, "ifsc", r.ifsc);
    put(body, "bsb_code", r.bsb_code);
    if (r.address) body["address"] = address_json(*r.address, true);
    put(body, "route", r.route);
    put(body, "bank_number", r.bank_number);
    put(body, "branch_code", r.branch_code);
    put(body, "account_type", r.account_type);
    put(body, "tax_id", r.tax_id);
    put(body, "national_id", r.national_id);
    put(body, "phone", r.phone);
    put(body, "business_registration_id", r.business_registration_id);
    return {http::verb::post, make_target({"1.0", "counterparty"}), json::serialize(body)};
}

ApiRequest validate_account_name(const ValidateAccountNameRequest& r) {
    json::object body;
    if (const auto* uk = std::get_if<ValidateAccountNameRequest::Uk>(&r.account)) {
        if (!api_checks::all_digits(uk->account_no) || uk->account_no.size() != 8)
            invalid("account_no must be 8 digits for a UK account");
        if (!api_checks::valid_sort_code(uk->sort_code)) invalid("sort_code must be 6 digits (e.g. 54-01-05)");
        body["account_no"] = uk->account_no;
        body["sort_code"] = uk->sort_code;
    } else if (const auto* eu = std::get_if<ValidateAccountNameRequest::Iban>(&r.account)) {
        if (!api_checks::valid_iban(eu->iban)) invalid("iban is not a valid IBAN");
        api_checks::require_country(eu->recipient_country, "recipient_country");
        api_checks::require_currency(eu->recipient_currency, "recipient_currency");
        body["iban"] = eu->iban;
        if (eu->bic) body["bic"] = *eu->bic;
        body["recipient_country"] = eu->recipient_country;
        body["recipient_currency"] = eu->recipient_currency;
    } else {
        const auto& au = std::get<ValidateAccountNameRequest::Au>(r.account);
        if (!api_checks::all_digits(au.account_no) || au.account_no.size() < 5 || au.account_no.size() > 10)
            invalid("account_no must be 5 to 10 digits for an AU account");
        if (!api_checks::all_digits(au.bsb) || au.bsb.size() != 6) invalid("bsb must be 6 digits");
        body["account_no"] = au.account_no;
        body["bsb"] = au.bsb;
    }
    if (r.company_name.has_value() == r.individual_name.has_value())
        invalid("give exactly one of company_name and individual_name");
    if (r.company_name) {
        if (api_checks::blank(*r.company_name)) invalid("company_name must not be empty");
        body["company_name"] = *r.company_name;
    } else {
        body["individual_name"] = individual_name_json(*r.individual_name);
    }
    return {http::verb::post, make_target({"1.0", "account-name-validation"}), json::serialize(body)};
}

ApiRequest delete_counterparty(const Uuid& counterparty_id) {
    return {http::verb::delete_,
            make_target({"1.0", "counterparty", id_segment(counterparty_id, "counterparty_id")}), {}};
}

ApiRequest get_counterparty_countries() {
    return {http::verb::get, make_target({"1.0", "counterparties", "countries"}), {}};
}

ApiRequest get_counterparty_requirements(const std::string& country, const std::string& currency,
                                         const OpenEnum<CounterpartyProfileType>& recipient_type,
                                         const std::optional<OpenEnum<CounterpartyRoute>>& route) {
    api_checks::require_country(country, "country");
    api_checks::require_currency(currency, "currency");
    if (recipient_type.str().empty()) invalid("recipient_type is required (personal or business)");
    api::QueryParams query{{"country", country},
                           {"currency", currency},
                           {"recipient_type", std::string(recipient_type.str())}};
    if (route) {
        if (route->str().empty()) invalid("route must not be empty");
        query.emplace_back("route", std::string(route->str()));
    }
    return {http::verb::get, make_target({"1.0", "counterparties", "fields"}, query), {}};
}

ApiRequest update_counterparty_payment_method(const Uuid& counterparty_id, const Uuid& payment_method_id,
                                              const CounterpartyAddress& address) {
    if (!address.street_line1 || api_checks::blank(*address.street_line1)) invalid("address.street_line1 is required");
    if (!address.city || api_checks::blank(*address.city)) invalid("address.city is required");
    check_max(address.street_line1, 100, "address.street_line1");
    check_max(address.street_line2, 100, "address.street_line2");
    check_max(address.region, 50, "address.region");
    check_max(address.city, 50, "address.city");
    check_max(address.postcode, 15, "address.postcode");
    json::object body{{"address", address_json(address, true)}};
    return {http::verb::patch,
            make_target({"1.0", "counterparties", id_segment(counterparty_id, "counterparty_id"), "payment-methods",
                         id_segment(payment_method_id, "payment_method_id")}),
            json::serialize(body)};
}

}  // namespace revolut::detail::counterparties
