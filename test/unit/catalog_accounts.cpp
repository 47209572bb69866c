// Catalog entries of the Accounts group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/accounts.hpp>

namespace revolut::test {
namespace {

const Uuid id{"b7ec67d3-5af1-42c8-bece-3d2801c0894d"};
namespace a = detail::accounts;

const CatalogEntries entries{
    {"accounts", "get_all_accounts", "GET", "/api/1.0/accounts", true, [] { return a::get_all_accounts(); }},
    {"accounts", "get_account", "GET", "/api/1.0/accounts/{account_id}", true, [] { return a::get_account(id); }},
    {"accounts", "get_full_bank_details", "GET", "/api/1.0/accounts/{account_id}/bank-details", true,
     [] { return a::get_full_bank_details(id); }},
};

}  // namespace
}  // namespace revolut::test
