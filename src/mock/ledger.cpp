#include "mock/ledger.hpp"

#include <optional>
#include <vector>

namespace revolut::mock {
namespace {

bool is_final(const OpenEnum<TransactionState>& state) {
    return !(state == TransactionState::created || state == TransactionState::pending);
}

// Applies every leg's amount to its account, all or nothing, and records the balances after.
LedgerOutcome apply_legs(State& state, webhook::TransactionCreated& transaction, Timestamp now) {
    std::vector<std::pair<StoredAccount*, Decimal>> changes;
    for (const auto& leg : transaction.legs) {
        auto id = Uuid::try_parse(leg.account_id);
        auto* account = id ? state.accounts.find(*id) : nullptr;
        if (account == nullptr) return LedgerOutcome::unknown_account;
        // Two legs on one account (not made today) would see each other's result.
        Decimal start = account->balance;
        for (const auto& [seen, after] : changes) {
            if (seen == account) start = after;
        }
        auto after = Decimal::checked_add(start, leg.amount);
        if (!after) return LedgerOutcome::balance_overflow;
        changes.emplace_back(account, *after);
    }
    for (std::size_t i = 0; i < changes.size(); ++i) {
        auto& [account, after] = changes[i];
        account->balance = after;
        account->updated_at = now;
        transaction.legs[i].balance = after;
    }
    return LedgerOutcome::done;
}

}  // namespace

LedgerOutcome simulate_topup(State& state, const TopUpRequest& request, Timestamp now,
                             StoredTransaction*& created) {
    const auto* account = state.accounts.find(request.account_id);
    if (account == nullptr) return LedgerOutcome::unknown_account;
    if (account->currency != request.currency) return LedgerOutcome::currency_mismatch;

    webhook::TransactionCreated transaction;
    transaction.id = Uuid::random().to_string();
    transaction.type = TransactionType::topup;
    transaction.state = request.state;
    transaction.created_at = now;
    transaction.updated_at = now;
    transaction.reference = request.reference;
    webhook::TransactionLeg leg;
    leg.leg_id = Uuid::random().to_string();
    leg.account_id = account->id.to_string();
    leg.amount = request.amount;
    leg.currency = request.currency;
    leg.description = request.reference;
    transaction.legs.push_back(std::move(leg));

    if (request.state == TransactionState::completed) {
        if (auto outcome = apply_legs(state, transaction, now); outcome != LedgerOutcome::done) {
            return outcome;
        }
        transaction.completed_at = now;
    }
    created = &state.transactions.add(transaction);
    state.emit(webhook::make_event(std::move(transaction), now));
    return LedgerOutcome::done;
}

LedgerOutcome change_transaction_state(State& state, StoredTransaction& stored,
                                       TransactionState to, Timestamp now) {
    auto& transaction = stored.transaction;
    if (is_final(transaction.state)) return LedgerOutcome::final_state;
    if (to == TransactionState::completed) {
        if (auto outcome = apply_legs(state, transaction, now); outcome != LedgerOutcome::done) {
            return outcome;
        }
        transaction.completed_at = now;
    }
    webhook::TransactionStateChanged changed;
    changed.id = transaction.id;
    changed.request_id = transaction.request_id;
    changed.old_state = transaction.state;
    changed.new_state = to;
    transaction.state = to;
    transaction.updated_at = now;
    state.emit(webhook::make_event(std::move(changed), now));
    return LedgerOutcome::done;
}

}  // namespace revolut::mock
