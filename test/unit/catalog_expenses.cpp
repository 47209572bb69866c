// Catalog entries of the Expenses group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/expenses.hpp>

namespace revolut::test {
namespace {

const Uuid expense{"8decf9f8-053e-46cb-92d8-a7b450fe5ae0"};
const Uuid receipt{"84c0169a-37f9-4bfa-ab1e-f2c81dbc34cf"};
namespace e = detail::expenses;

const CatalogEntries entries{
    {"expenses", "get_all_expenses", "GET", "/api/1.0/expenses", false, [] { return e::get_all_expenses({}); }},
    {"expenses", "get_expense", "GET", "/api/1.0/expenses/{expense_id}", false, [] { return e::get_expense(expense); }},
    {"expenses", "get_expense_receipt", "GET", "/api/1.0/expenses/{expense_id}/receipts/{receipt_id}/content", false,
     [] { return e::get_expense_receipt(expense, receipt); }},
};

}  // namespace
}  // namespace revolut::test
