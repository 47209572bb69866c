#include "mock/expense_store.hpp"

#include <algorithm>

namespace revolut::mock {

const StoredExpense* ExpenseStore::find(const Uuid& id) const {
    auto it = std::find_if(expenses_.begin(), expenses_.end(), [&](const auto& e) { return e.id == id; });
    return it == expenses_.end() ? nullptr : &*it;
}

const StoredExpense& ExpenseStore::add(StoredExpense expense) {
    expenses_.push_back(std::move(expense));
    return expenses_.back();
}

std::vector<const StoredExpense*> ExpenseStore::list(std::optional<Timestamp> from, Timestamp to, std::size_t count,
                                                     const std::optional<std::string>& state,
                                                     const std::optional<std::string>& transaction_type) const {
    std::vector<const StoredExpense*> out;
    for (std::size_t i = expenses_.size(); i-- > 0;) {  // later-added first among equals
        const auto& expense = expenses_[i];
        if (expense.expense_date >= to || (from && expense.expense_date < *from)) continue;
        if (state && expense.state != *state) continue;
        if (transaction_type && expense.transaction_type != *transaction_type) continue;
        out.push_back(&expense);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const StoredExpense* a, const StoredExpense* b) { return a->expense_date > b->expense_date; });
    if (out.size() > count) out.resize(count);
    return out;
}

}  // namespace revolut::mock
