// Catalog entries of the Tax rates group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/tax_rates.hpp>

namespace revolut::test {
namespace {

const Uuid id{"09ad1ad3-a1c0-4c09-b8f8-24b439e72690"};
namespace t = detail::tax_rates;

const CatalogEntries entries{
    {"tax_rates", "create_tax_rate", "POST", "/api/1.0/tax-rates", false,
     [] { return t::create_tax_rate("20% VAT", Decimal(20)); }},
    {"tax_rates", "get_all_tax_rates", "GET", "/api/1.0/tax-rates", false,
     [] { return t::get_all_tax_rates(10, std::nullopt); }},
    {"tax_rates", "get_tax_rate", "GET", "/api/1.0/tax-rates/{tax_rate_id}", false, [] { return t::get_tax_rate(id); }},
    {"tax_rates", "update_tax_rate", "PATCH", "/api/1.0/tax-rates/{tax_rate_id}", false,
     [] { return t::update_tax_rate(id, "VAT"); }},
    {"tax_rates", "delete_tax_rate", "DELETE", "/api/1.0/tax-rates/{tax_rate_id}", false,
     [] { return t::delete_tax_rate(id); }},
};

}  // namespace
}  // namespace revolut::test
