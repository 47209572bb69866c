#include "mock/ledger.hpp"

#include <utility>
#include <vector>

namespace revolut::mock {
namespace {

bool is_final(const OpenEnum<TransactionState>& state) {
    return !(state == TransactionState::created || state == TransactionState::pending);
}

enum class Legs { all, debits, credits };

bool selected(const webhook::TransactionLeg& leg, Legs which) {
    switch (which) {
    case Legs::all: return true;
    case Legs::debits: return leg.amount.signum() < 0;
    case Legs::credits: return leg.amount.signum() > 0;
    }
    return false;
}

// Moves the selected legs' amounts into their accounts (`give_back`: out of them again), all
// or nothing. Applied legs record the balance after them.
PostingOutcome move_balances(State& state, webhook::TransactionCreated& transaction, Legs which, bool give_back,
                             Timestamp now) {
    struct Change {
        StoredAccount* account;
        Decimal after;
        std::size_t leg;
    };
    std::vector<Change> changes;
    for (std::size_t i = 0; i < transaction.legs.size(); ++i) {
        const auto& leg = transaction.legs[i];
        if (!selected(leg, which)) continue;
        auto id = Uuid::try_parse(leg.account_id);
        auto* account = id ? state.accounts.find(*id) : nullptr;
        if (account == nullptr) return PostingOutcome::unknown_account;
        // Two legs on one account see each other's result.
        Decimal start = account->balance;
        for (const auto& change : changes)
            if (change.account == account) start = change.after;
        const Decimal delta = give_back ? -leg.amount : leg.amount;
        auto after = Decimal::checked_add(start, delta);
        if (!after) return PostingOutcome::balance_overflow;
        if (delta.signum() < 0 && after->signum() < 0) return PostingOutcome::insufficient_funds;
        changes.push_back({account, *after, i});
    }
    for (const auto& change : changes) {
        change.account->balance = change.after;
        change.account->updated_at = now;
        if (!give_back) transaction.legs[change.leg].balance = change.after;
    }
    return PostingOutcome::done;
}

LedgerOutcome to_ledger_outcome(PostingOutcome outcome) {
    switch (outcome) {
    case PostingOutcome::done: return LedgerOutcome::done;
    case PostingOutcome::unknown_account: return LedgerOutcome::unknown_account;
    // Not reached: debits are taken when a transaction is created, and only credits or
    // refunds move later. Refusing keeps balances non-negative regardless.
    case PostingOutcome::insufficient_funds:
    case PostingOutcome::balance_overflow: return LedgerOutcome::balance_overflow;
    }
    return LedgerOutcome::balance_overflow;
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
        auto outcome = move_balances(state, transaction, Legs::all, false, now);
        if (outcome != PostingOutcome::done) return to_ledger_outcome(outcome);
        transaction.completed_at = now;
    }
    StoredTransaction stored;
    stored.transaction = transaction;
    stored.origin = "topup";
    created = &state.transactions.add(std::move(stored));
    state.emit(webhook::make_event(std::move(transaction), now));
    return LedgerOutcome::done;
}

LedgerOutcome change_transaction_state(State& state, StoredTransaction& stored,
                                       TransactionState to, Timestamp now) {
    auto& transaction = stored.transaction;
    if (is_final(transaction.state)) return LedgerOutcome::final_state;
    if (stored.affects_balances) {
        PostingOutcome outcome = PostingOutcome::done;
        if (to == TransactionState::completed) {
            outcome = move_balances(state, transaction, stored.debits_held ? Legs::credits : Legs::all, false, now);
        } else if (stored.debits_held && to != TransactionState::pending && to != TransactionState::created) {
            outcome = move_balances(state, transaction, Legs::debits, true, now);
        }
        if (outcome != PostingOutcome::done) return to_ledger_outcome(outcome);
    }
    if (to == TransactionState::completed) transaction.completed_at = now;
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

PostingOutcome post_transaction(State& state, Posting posting, Timestamp now, StoredTransaction*& created) {
    auto& transaction = posting.transaction;
    if (transaction.id.empty()) transaction.id = Uuid::random().to_string();
    for (auto& leg : transaction.legs)
        if (leg.leg_id.empty()) leg.leg_id = Uuid::random().to_string();
    transaction.created_at = now;
    transaction.updated_at = now;
    const bool completed = transaction.state == TransactionState::completed;
    auto outcome = move_balances(state, transaction, completed ? Legs::all : Legs::debits, false, now);
    if (outcome != PostingOutcome::done) return outcome;
    if (completed) transaction.completed_at = now;

    StoredTransaction stored;
    stored.transaction = transaction;
    stored.origin = std::move(posting.origin);
    stored.fingerprint = std::move(posting.fingerprint);
    stored.debits_held = !completed;
    created = &state.transactions.add(std::move(stored));
    state.emit(webhook::make_event(std::move(transaction), now));
    return PostingOutcome::done;
}

const StoredTransaction* find_by_request_id(const State& state, std::string_view request_id, Timestamp now,
                                            std::chrono::days window) {
    const auto* found = state.transactions.find_by_request_id(request_id);
    if (found == nullptr || found->transaction.created_at < now - window) return nullptr;
    return found;
}

}  // namespace revolut::mock
