#include "mock/counterparty_store.hpp"

#include <algorithm>
#include <tuple>

namespace revolut::mock {

namespace {

// What makes two accounts "the same account" for the duplicate rule: where the money goes.
auto account_key(const StoredCounterpartyAccount& a) {
    return std::tie(a.type, a.currency, a.bank_country, a.account_no, a.iban, a.sort_code,
                    a.routing_number, a.bic, a.clabe, a.ifsc, a.bsb_code, a.bank_number,
                    a.branch_code, a.phone);
}

bool same_accounts(const StoredCounterparty& a, const StoredCounterparty& b) {
    return std::equal(a.accounts.begin(), a.accounts.end(), b.accounts.begin(), b.accounts.end(),
                      [](const StoredCounterpartyAccount& x, const StoredCounterpartyAccount& y) {
                          return account_key(x) == account_key(y);
                      });
}

}  // namespace

const StoredCounterpartyAccount* StoredCounterparty::find_account(const Uuid& account_id) const {
    auto found = std::find_if(accounts.begin(), accounts.end(),
                              [&](const StoredCounterpartyAccount& a) { return a.id == account_id; });
    return found == accounts.end() ? nullptr : &*found;
}

StoredCounterpartyAccount* StoredCounterparty::find_account(const Uuid& account_id) {
    return const_cast<StoredCounterpartyAccount*>(
        static_cast<const StoredCounterparty*>(this)->find_account(account_id));
}

const StoredCounterparty* CounterpartyStore::find(const Uuid& id) const {
    auto found = std::find_if(counterparties_.begin(), counterparties_.end(),
                              [&](const StoredCounterparty& c) { return c.id == id; });
    return found == counterparties_.end() ? nullptr : &*found;
}

StoredCounterparty* CounterpartyStore::find(const Uuid& id) {
    return const_cast<StoredCounterparty*>(static_cast<const CounterpartyStore*>(this)->find(id));
}

const StoredCounterparty* CounterpartyStore::find_duplicate(
    const StoredCounterparty& candidate) const {
    for (const auto& existing : counterparties_) {
        if (candidate.revtag && existing.revtag == candidate.revtag) return &existing;
        if (existing.name == candidate.name && !candidate.revtag && !existing.revtag &&
            same_accounts(existing, candidate)) {
            return &existing;
        }
    }
    return nullptr;
}

StoredCounterparty& CounterpartyStore::add(StoredCounterparty counterparty) {
    counterparties_.push_back(std::move(counterparty));
    return counterparties_.back();
}

bool CounterpartyStore::remove(const Uuid& id) {
    return std::erase_if(counterparties_, [&](const StoredCounterparty& c) { return c.id == id; }) >
           0;
}

}  // namespace revolut::mock
