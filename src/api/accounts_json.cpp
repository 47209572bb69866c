// Accounts: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/accounts.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

Account tag_invoke(json::value_to_tag<Account>, const json::value& v) {
    const auto& o = as_object(v, "account");
    Account account;
    account.id = required_uuid(o, "id");
    account.name = optional_string(o, "name");
    account.balance = required_decimal(o, "balance");
    account.currency = required_string(o, "currency");
    account.state = required_enum<AccountState>(o, "state");
    account.is_public = required_bool(o, "public");
    account.created_at = required_timestamp(o, "created_at");
    account.updated_at = required_timestamp(o, "updated_at");
    return account;
}

namespace {

BankDetailsAddress read_address(const json::object& o) {
    BankDetailsAddress address;
    address.street_line1 = optional_string(o, "street_line1");
    address.street_line2 = optional_string(o, "street_line2");
    address.region = optional_string(o, "region");
    address.city = optional_string(o, "city");
    address.country = required_string(o, "country");
    address.postcode = required_string(o, "postcode");
    return address;
}

EstimatedTime read_estimated_time(const json::object& o) {
    EstimatedTime time;
    time.unit = required_enum<EstimatedTimeUnit>(o, "unit");
    time.min = optional_int(o, "min");
    time.max = optional_int(o, "max");
    return time;
}

}  // namespace

AccountBankDetails tag_invoke(json::value_to_tag<AccountBankDetails>, const json::value& v) {
    const auto& o = as_object(v, "bank details");
    AccountBankDetails details;
    details.iban = optional_string(o, "iban");
    details.bic = optional_string(o, "bic");
    details.account_no = optional_string(o, "account_no");
    details.sort_code = optional_string(o, "sort_code");
    details.routing_number = optional_string(o, "routing_number");
    details.beneficiary = required_string(o, "beneficiary");
    details.beneficiary_address = read_address(required_object(o, "beneficiary_address"));
    details.bank_country = optional_string(o, "bank_country");
    details.pooled = optional_bool(o, "pooled");
    details.unique_reference = optional_string(o, "unique_reference");
    for (const auto& scheme : required_array(o, "schemes")) {
        if (!scheme.is_string()) throw_bad_field("schemes", "an array of strings");
        details.schemes.push_back(OpenEnum<PaymentScheme>::parse(scheme.get_string()));
    }
    details.estimated_time = read_estimated_time(required_object(o, "estimated_time"));
    return details;
}

}  // namespace revolut

namespace revolut::detail {

template std::vector<Account> decode<std::vector<Account>>(const ApiResponse&);
template Account decode<Account>(const ApiResponse&);
template std::vector<AccountBankDetails> decode<std::vector<AccountBankDetails>>(const ApiResponse&);

}  // namespace revolut::detail
