// Catalog entries of the Counterparties group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/counterparties.hpp>

namespace revolut::test {
namespace {

const Uuid id{"3a1f5c2e-7d4b-4e8a-9c61-2b5d8f0e4a17"};
const Uuid method_id{"9e2d7c41-0b3a-4f6e-8d25-6c1a9b7e3f08"};
namespace c = detail::counterparties;

CreateCounterpartyRequest sample_create() {
    CreateCounterpartyRequest r;
    r.profile_type = CounterpartyProfileType::personal;
    r.name = "Test User 1";
    r.revtag = "john1pvki";
    return r;
}

ValidateAccountNameRequest sample_validation() {
    ValidateAccountNameRequest r;
    r.account = ValidateAccountNameRequest::Uk{"12345678", "54-01-05"};
    r.company_name = "Fenwick Co.";
    return r;
}

CounterpartyAddress sample_address() {
    CounterpartyAddress a;
    a.street_line1 = "7 Mercer Walk";
    a.city = "London";
    a.country = "GB";
    a.postcode = "EC2V 8PH";
    return a;
}

const CatalogEntries entries{
    {"counterparties", "get_all_counterparties", "GET", "/api/1.0/counterparties", true,
     [] { return c::get_all_counterparties({}, std::nullopt, 10); }},
    {"counterparties", "get_counterparty", "GET", "/api/1.0/counterparty/{counterparty_id}", true,
     [] { return c::get_counterparty(id); }},
    {"counterparties", "create_counterparty", "POST", "/api/1.0/counterparty", true,
     [] { return c::create_counterparty(sample_create()); }},
    {"counterparties", "validate_account_name", "POST", "/api/1.0/account-name-validation", true,
     [] { return c::validate_account_name(sample_validation()); }},
    {"counterparties", "delete_counterparty", "DELETE", "/api/1.0/counterparty/{counterparty_id}", true,
     [] { return c::delete_counterparty(id); }},
    {"counterparties", "get_counterparty_countries", "GET", "/api/1.0/counterparties/countries", false,
     [] { return c::get_counterparty_countries(); }},
    {"counterparties", "get_counterparty_requirements", "GET", "/api/1.0/counterparties/fields", false,
     [] { return c::get_counterparty_requirements("GB", "GBP", CounterpartyProfileType::personal, std::nullopt); }},
    {"counterparties", "update_counterparty_payment_method", "PATCH",
     "/api/1.0/counterparties/{counterparty_id}/payment-methods/{payment_method_id}", false,
     [] { return c::update_counterparty_payment_method(id, method_id, sample_address()); }},
};

}  // namespace
}  // namespace revolut::test
