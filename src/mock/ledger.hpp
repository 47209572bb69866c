#pragma once
// Money movement rules shared by every route that creates or changes a transaction: when a
// transaction touches balances, how its state may change, and which webhook events follow.
//
// Credits follow completed transactions only: a credit leg moves money into its account when
// the transaction becomes completed (at creation or later). Debits are taken when the
// transaction is created, even while it is pending, so money on its way out cannot be spent
// twice; a pending debit that is then declined, failed or reverted gives the money back. A
// debit that would leave a negative balance is refused: no balance is ever negative. A leg
// records its account's balance after the leg moved it.

#include "mock/state.hpp"

#include <revolut/enums.hpp>
#include <revolut/money.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

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

/// Moves a created or pending transaction to `to` (completed, declined, failed or reverted):
/// completing applies the legs not yet applied; the other final states give held debits back.
/// Emits TransactionStateChanged. Any other transaction is in a final state and does not change.
LedgerOutcome change_transaction_state(State& state, StoredTransaction& stored,
                                       TransactionState to, Timestamp now);

/// Why post_transaction refused a transaction (nothing changed then).
enum class PostingOutcome {
    done,
    unknown_account,     ///< a leg names an account the business does not have
    insufficient_funds,  ///< a debit leg would leave a negative balance
    balance_overflow,    ///< a balance would leave Decimal's range
};

/// A transaction a route books (a payment, a transfer, an exchange).
struct Posting {
    /// Type, state (created, pending or completed), request_id, reference and legs (account,
    /// signed amount, currency, description...). Empty ids are generated; the timestamps
    /// are set to `now`.
    webhook::TransactionCreated transaction;
    std::string origin;       ///< see StoredTransaction::origin
    std::string fingerprint;  ///< see StoredTransaction::fingerprint
};

/// Books `posting`: takes its debits at once, its credits too when it is completed, stores
/// it and emits TransactionCreated. On `done`, `created` points at the stored transaction.
PostingOutcome post_transaction(State& state, Posting posting, Timestamp now, StoredTransaction*& created);

/// The transaction an earlier request with this request_id created within `window` before
/// `now` (the newest), or nullptr.
const StoredTransaction* find_by_request_id(const State& state, std::string_view request_id, Timestamp now,
                                            std::chrono::days window);

}  // namespace revolut::mock
