#pragma once
// Money movement rules shared by every route that creates or changes a transaction: when a
// transaction touches balances, how its state may change, and which webhook events follow.
//
// Balances follow completed transactions only: a transaction moves its legs' amounts into
// its accounts when it becomes completed (at creation or later), and a leg then records the
// account's balance after it. Pending, declined, failed and reverted ones leave balances
// alone. (Debits that hold funds while pending will need a reservation step here.)

#include "mock/state.hpp"

#include <revolut/enums.hpp>
#include <revolut/money.hpp>

#include <string>

namespace revolut::mock {

/// A top-up to simulate (POST /sandbox/topup).
struct TopUpRequest {
    Uuid account_id;
    Decimal amount;
    std::string currency;
    std::string reference;
    TransactionState state = TransactionState::completed;
};

enum class LedgerOutcome {
    done,
    unknown_account,
    currency_mismatch,  ///< the amount's currency is not the account's
    balance_overflow,   ///< a balance would leave Decimal's range
    final_state,        ///< the transaction can no longer change state
};

/// Creates a top-up transaction (type topup, one credit leg) in `request.state`, credits the
/// account when that state is completed, and emits TransactionCreated. On `done`, `created`
/// points at the new transaction.
LedgerOutcome simulate_topup(State& state, const TopUpRequest& request, Timestamp now,
                             StoredTransaction*& created);

/// Moves a created or pending transaction to `to` (completed, declined, failed or reverted),
/// applying its legs to the balances when it completes, and emits TransactionStateChanged.
/// Any other transaction is in a final state and does not change.
LedgerOutcome change_transaction_state(State& state, StoredTransaction& stored,
                                       TransactionState to, Timestamp now);

}  // namespace revolut::mock
