// Expenses: request building and input validation (nothing is sent when it fails). Every
// request is marked production-only: the client refuses it in sandbox mode.
#include <revolut/api/expenses.hpp>
#include <revolut/error.hpp>

#include "api/target.hpp"

namespace revolut::detail::expenses {

namespace http = boost::beast::http;
using api::make_target;

namespace {

constexpr int max_count = 500;

[[noreturn]] void invalid(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), what);
}

ApiRequest production(std::string target) {
    ApiRequest request{http::verb::get, std::move(target), std::nullopt};
    request.environment = Environment::production_only;
    return request;
}

std::string id_segment(const Uuid& id, std::string_view what) {
    if (id.is_nil()) invalid(std::string(what) + " must not be the nil UUID");
    return id.to_string();
}

}  // namespace

ApiRequest get_all_expenses(const ExpensesQuery& q) {
    api::QueryParams query;
    if (q.from && q.to && *q.to <= *q.from) invalid("expenses: `to` must be after `from`");
    if (q.from) query.emplace_back("from", format_timestamp(*q.from));
    if (q.to) query.emplace_back("to", format_timestamp(*q.to));
    if (q.count) {
        if (*q.count < 1 || *q.count > max_count)
            invalid("count must be between 1 and 500, got " + std::to_string(*q.count));
        query.emplace_back("count", std::to_string(*q.count));
    }
    if (q.state) {
        if (q.state->str().empty()) invalid("expense state filter must not be empty");
        query.emplace_back("state", std::string(q.state->str()));
    }
    if (q.transaction_type) {
        if (q.transaction_type->str().empty()) invalid("expense transaction_type filter must not be empty");
        query.emplace_back("transaction_type", std::string(q.transaction_type->str()));
    }
    return production(make_target({"1.0", "expenses"}, query));
}

ApiRequest get_expense(const Uuid& expense_id) {
    return production(make_target({"1.0", "expenses", id_segment(expense_id, "expense_id")}));
}

ApiRequest get_expense_receipt(const Uuid& expense_id, const Uuid& receipt_id) {
    return production(make_target({"1.0", "expenses", id_segment(expense_id, "expense_id"), "receipts",
                                   id_segment(receipt_id, "receipt_id"), "content"}));
}

}  // namespace revolut::detail::expenses
