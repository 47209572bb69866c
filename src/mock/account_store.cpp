#include "mock/account_store.hpp"

#include <algorithm>

namespace revolut::mock {

StoredAccount* AccountStore::find(const Uuid& id) {
    auto found = std::find_if(accounts_.begin(), accounts_.end(),
                              [&](const StoredAccount& a) { return a.id == id; });
    return found == accounts_.end() ? nullptr : &*found;
}

const StoredAccount* AccountStore::find(const Uuid& id) const {
    return const_cast<AccountStore*>(this)->find(id);
}

StoredAccount& AccountStore::open(std::string name, std::string currency, Decimal balance,
                                  Timestamp now) {
    StoredAccount account;
    account.id = Uuid::random();
    account.name = std::move(name);
    account.balance = balance;
    account.currency = std::move(currency);
    account.created_at = now;
    account.updated_at = now;
    accounts_.push_back(std::move(account));
    return accounts_.back();
}

bool AccountStore::adjust_balance(StoredAccount& account, Decimal amount, Timestamp now) {
    auto sum = Decimal::checked_add(account.balance, amount);
    if (!sum) return false;
    account.balance = *sum;
    account.updated_at = now;
    return true;
}

}  // namespace revolut::mock
