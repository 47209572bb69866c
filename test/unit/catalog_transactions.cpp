// Catalog entries of the Transactions group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/transactions.hpp>

namespace revolut::test {
namespace {

namespace t = detail::transactions;

const CatalogEntries entries{
    {"transactions", "get_all_transactions", "GET", "/api/1.0/transactions", true, [] {
         TransactionsQuery query;
         query.count = 10;
         return t::get_all_transactions(query);
     }},
    {"transactions", "get_transaction", "GET", "/api/1.0/transaction/{id}", true,
     [] { return t::get_transaction(std::string("640c1963-aaaa-1234-aaaa-a6b451197c6a"), std::nullopt); }},
};

}  // namespace
}  // namespace revolut::test
