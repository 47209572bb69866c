#include "mock/transaction_store.hpp"

#include <algorithm>

namespace revolut::mock {

StoredTransaction& TransactionStore::add(webhook::TransactionCreated transaction) {
    StoredTransaction stored;
    stored.transaction = std::move(transaction);
    return add(std::move(stored));
}

StoredTransaction& TransactionStore::add(StoredTransaction stored) {
    stored.sequence = next_sequence_++;
    transactions_.push_back(std::move(stored));
    return transactions_.back();
}

StoredTransaction* TransactionStore::find(std::string_view id) {
    auto found = std::find_if(transactions_.begin(), transactions_.end(),
                              [&](const StoredTransaction& t) { return t.transaction.id == id; });
    return found == transactions_.end() ? nullptr : &*found;
}

StoredTransaction* TransactionStore::find_by_request_id(std::string_view request_id) {
    for (auto it = transactions_.rbegin(); it != transactions_.rend(); ++it) {
        if (it->transaction.request_id == request_id) return &*it;
    }
    return nullptr;
}

const StoredTransaction* TransactionStore::find_by_request_id(std::string_view request_id) const {
    return const_cast<TransactionStore*>(this)->find_by_request_id(request_id);
}

std::vector<const StoredTransaction*> TransactionStore::list(const TransactionQuery& query) const {
    auto matches = [&](const StoredTransaction& stored) {
        const auto& t = stored.transaction;
        if (query.from && t.created_at < *query.from) return false;
        if (t.created_at >= query.to) return false;
        if (query.type && t.type.str() != *query.type) return false;
        if (query.request_id && t.request_id != *query.request_id) return false;
        if (!query.states.empty() &&
            std::find(query.states.begin(), query.states.end(), t.state.str()) ==
                query.states.end()) {
            return false;
        }
        if (query.account_id &&
            std::none_of(t.legs.begin(), t.legs.end(), [&](const webhook::TransactionLeg& leg) {
                return leg.account_id == *query.account_id;
            })) {
            return false;
        }
        return true;
    };

    std::vector<const StoredTransaction*> result;
    for (const auto& stored : transactions_) {
        if (matches(stored)) result.push_back(&stored);
    }
    std::sort(result.begin(), result.end(), [](const StoredTransaction* a, const StoredTransaction* b) {
        if (a->transaction.created_at != b->transaction.created_at) {
            return a->transaction.created_at > b->transaction.created_at;
        }
        return a->sequence > b->sequence;
    });
    if (result.size() > query.count) result.resize(query.count);
    return result;
}

}  // namespace revolut::mock
