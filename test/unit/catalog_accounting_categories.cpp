// Catalog entries of the Accounting categories group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/accounting_categories.hpp>

namespace revolut::test {
namespace {

const Uuid id{"64a2d310-e2a0-43c2-872f-969098141ebb"};
const Uuid tax_rate{"e6b84ddb-a127-466b-9a0a-501bda07773f"};
namespace a = detail::accounting_categories;

const CatalogEntries entries{
    {"accounting_categories", "create_accounting_category", "POST", "/api/1.0/accounting-categories", false,
     [] { return a::create_accounting_category("Transportation", "400", tax_rate); }},
    {"accounting_categories", "get_all_accounting_categories", "GET", "/api/1.0/accounting-categories", false,
     [] { return a::get_all_accounting_categories(10, std::string("MjAyNg")); }},
    {"accounting_categories", "get_accounting_category", "GET",
     "/api/1.0/accounting-categories/{accounting_category_id}", false, [] { return a::get_accounting_category(id); }},
    {"accounting_categories", "update_accounting_category", "PATCH",
     "/api/1.0/accounting-categories/{accounting_category_id}", false,
     [] { return a::update_accounting_category(id, std::string("Marketing"), std::nullopt, std::nullopt); }},
    {"accounting_categories", "delete_accounting_category", "DELETE",
     "/api/1.0/accounting-categories/{accounting_category_id}", false,
     [] { return a::delete_accounting_category(id); }},
};

}  // namespace
}  // namespace revolut::test
