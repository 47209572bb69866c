#pragma once
// The emulator's expenses and their receipts. No API call creates an expense (they come
// from card payments and reimbursement requests in the app), so tests seed them through
// mock::Server::seed("expense", …) — see routes_expenses.cpp.

#include <revolut/types.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

struct StoredReceipt {
    Uuid id;
    std::string content_type;
    std::string content;  ///< the file's bytes
};

struct StoredExpense {
    Uuid id;
    Timestamp expense_date{};
    std::string state;
    std::string transaction_type;
    boost::json::object json;  ///< the expense in the API's shape (amounts exact)
    std::vector<StoredReceipt> receipts;
};

/// Expenses in the order they were added.
class ExpenseStore {
public:
    const std::vector<StoredExpense>& all() const { return expenses_; }
    const StoredExpense* find(const Uuid& id) const;
    const StoredExpense& add(StoredExpense expense);

    /// The expenses with from <= expense_date < to matching the filters, newest first
    /// (equal dates: the later-added first), at most `count`.
    std::vector<const StoredExpense*> list(std::optional<Timestamp> from, Timestamp to, std::size_t count,
                                           const std::optional<std::string>& state,
                                           const std::optional<std::string>& transaction_type) const;

private:
    std::vector<StoredExpense> expenses_;
};

}  // namespace revolut::mock
