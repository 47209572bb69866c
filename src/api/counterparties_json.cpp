// Counterparties: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/counterparties.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

namespace {

IndividualName read_individual_name(const json::object& o) {
    IndividualName person;
    person.first_name = optional_string(o, "first_name");
    person.last_name = optional_string(o, "last_name");
    return person;
}

std::optional<IndividualName> optional_individual_name(const json::object& o) {
    const auto* person = optional_object(o, "individual_name");
    if (!person) return std::nullopt;
    return read_individual_name(*person);
}

CounterpartyAddress read_address(const json::object& o) {
    CounterpartyAddress a;
    a.street_line1 = optional_string(o, "street_line1");
    a.street_line2 = optional_string(o, "street_line2");
    a.region = optional_string(o, "region");
    a.city = optional_string(o, "city");
    a.country = required_string(o, "country");
    a.postcode = optional_string(o, "postcode");
    return a;
}

// The spec types last_digits as a string; its own example writes a number. Accept both.
std::string read_last_digits(const json::object& o) {
    const auto* v = o.if_contains("last_digits");
    if (v && v->is_int64()) return std::to_string(v->get_int64());
    if (v && v->is_uint64()) return std::to_string(v->get_uint64());
    return required_string(o, "last_digits");
}

template <class T>
std::vector<T> optional_list(const json::object& o, std::string_view key) {
    std::vector<T> items;
    if (const auto* array = optional_array(o, key))
        for (const auto& item : *array) items.push_back(json::value_to<T>(item));
    return items;
}

}  // namespace

CounterpartyAccount tag_invoke(json::value_to_tag<CounterpartyAccount>, const json::value& v) {
    const auto& o = as_object(v, "counterparty account");
    CounterpartyAccount a;
    a.id = required_uuid(o, "id");
    a.name = optional_string(o, "name");
    a.bank_country = optional_string(o, "bank_country");
    a.currency = required_string(o, "currency");
    a.type = required_enum<CounterpartyAccountType>(o, "type");
    a.account_no = optional_string(o, "account_no");
    a.iban = optional_string(o, "iban");
    a.sort_code = optional_string(o, "sort_code");
    a.routing_number = optional_string(o, "routing_number");
    a.bic = optional_string(o, "bic");
    a.clabe = optional_string(o, "clabe");
    a.ifsc = optional_string(o, "ifsc");
    a.bsb_code = optional_string(o, "bsb_code");
    a.route = optional_enum<CounterpartyRoute>(o, "route");
    a.bank_number = optional_string(o, "bank_number");
    a.branch_code = optional_string(o, "branch_code");
    a.account_type = optional_enum<CounterpartyBankAccountType>(o, "account_type");
    a.tax_id = optional_string(o, "tax_id");
    a.national_id = optional_string(o, "national_id");
    a.phone = optional_string(o, "phone");
    a.business_registration_id = optional_string(o, "business_registration_id");
    a.recipient_charges = optional_string(o, "recipient_charges");
    if (const auto* address = optional_object(o, "address")) a.address = read_address(*address);
    return a;
}

CounterpartyCard tag_invoke(json::value_to_tag<CounterpartyCard>, const json::value& v) {
    const auto& o = as_object(v, "counterparty card");
    CounterpartyCard c;
    c.id = required_uuid(o, "id");
    c.name = required_string(o, "name");
    c.last_digits = read_last_digits(o);
    c.scheme = required_enum<CounterpartyCardScheme>(o, "scheme");
    c.country = required_string(o, "country");
    c.currency = required_string(o, "currency");
    return c;
}

Counterparty tag_invoke(json::value_to_tag<Counterparty>, const json::value& v) {
    const auto& o = as_object(v, "counterparty");
    Counterparty c;
    c.id = required_uuid(o, "id");
    c.name = required_string(o, "name");
    c.revtag = optional_string(o, "revtag");
    c.profile_type = optional_enum<CounterpartyProfileType>(o, "profile_type");
    c.country = optional_string(o, "country");
    c.state = required_enum<CounterpartyState>(o, "state");
    c.created_at = required_timestamp(o, "created_at");
    c.updated_at = required_timestamp(o, "updated_at");
    c.accounts = optional_list<CounterpartyAccount>(o, "accounts");
    c.cards = optional_list<CounterpartyCard>(o, "cards");
    return c;
}

CounterpartyCountry tag_invoke(json::value_to_tag<CounterpartyCountry>, const json::value& v) {
    const auto& o = as_object(v, "counterparty country");
    required_array(o, "currencies");  // required, even when empty
    return {required_string(o, "country"), string_array(o, "currencies")};
}

CounterpartyCountries tag_invoke(json::value_to_tag<CounterpartyCountries>, const json::value& v) {
    const auto& o = as_object(v, "counterparty countries");
    required_array(o, "countries");
    return {optional_list<CounterpartyCountry>(o, "countries")};
}

CounterpartyRequirementsField tag_invoke(json::value_to_tag<CounterpartyRequirementsField>, const json::value& v) {
    const auto& o = as_object(v, "counterparty requirements field");
    CounterpartyRequirementsField f;
    f.name = required_string(o, "name");
    f.required = required_bool(o, "required");
    if (const auto* regex = optional_object(o, "regex"))
        f.regex = CounterpartyFieldRegex{required_string(*regex, "pattern"), required_string(*regex, "description")};
    if (const auto* options = optional_array(o, "options")) {
        for (const auto& item : *options) {
            const auto& option = as_object(item, "options");
            f.options.push_back({required_string(option, "value"), optional_bool(option, "default")});
        }
    }
    return f;
}

CounterpartyRequirements tag_invoke(json::value_to_tag<CounterpartyRequirements>, const json::value& v) {
    const auto& o = as_object(v, "counterparty requirements");
    required_array(o, "fields");
    return {optional_list<CounterpartyRequirementsField>(o, "fields")};
}

AccountNameValidation tag_invoke(json::value_to_tag<AccountNameValidation>, const json::value& v) {
    const auto& o = as_object(v, "account name validation");
    AccountNameValidation r;
    r.result_code = required_enum<AccountNameMatch>(o, "result_code");
    if (const auto* reason = optional_object(o, "reason"))
        r.reason = AccountNameReason{optional_string(*reason, "type"), required_string(*reason, "code")};
    r.company_name = optional_string(o, "company_name");
    r.individual_name = optional_individual_name(o);
    return r;
}

}  // namespace revolut

namespace revolut::detail {

template std::vector<Counterparty> decode<std::vector<Counterparty>>(const ApiResponse&);
template Counterparty decode<Counterparty>(const ApiResponse&);
template AccountNameValidation decode<AccountNameValidation>(const ApiResponse&);
template CounterpartyCountries decode<CounterpartyCountries>(const ApiResponse&);
template CounterpartyRequirements decode<CounterpartyRequirements>(const ApiResponse&);

}  // namespace revolut::detail
