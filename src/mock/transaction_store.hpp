#pragma once
// Every transaction of the emulated business, in any state. A transaction is kept in the
// shape of the spec's `Transaction` schema, which is also what a TransactionCreated webhook
// event carries, so the API and the events can never disagree.

#include <revolut/types.hpp>
#include <revolut/webhook/events.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

/// A transaction and the emulator's bookkeeping about it.
struct StoredTransaction {
    webhook::TransactionCreated transaction;  ///< as the API and the events show it
    std::uint64_t sequence = 0;               ///< creation order, for equal created_at
    /// The operation that made it ("pay", "transfer", "exchange", "topup", "seed"), and a
    /// canonical form of that request's parameters: a request_id sent again is a retry of
    /// the same request only when both match.
    std::string origin;
    std::string fingerprint;
    /// Its debit legs were taken from the balances when it was created (an outgoing payment
    /// that is still pending holds the money); credits follow on completion.
    bool debits_held = false;
    /// False for seeded history, which never touches a balance.
    bool affects_balances = true;
};

/// The filters of GET /transactions.
struct TransactionQuery {
    std::optional<Timestamp> from;  ///< created_at >= from
    Timestamp to{};                 ///< created_at < to
    std::optional<std::string> account_id;
    std::optional<std::string> type;
    std::vector<std::string> states;  ///< any of these; empty: every state
    std::optional<std::string> request_id;
    std::size_t count = 100;
};

class TransactionStore {
public:
    /// Stores `transaction` (its id must be new). The pointer stays valid until the next add().
    StoredTransaction& add(webhook::TransactionCreated transaction);
    /// Stores `stored` as given, assigning its sequence.
    StoredTransaction& add(StoredTransaction stored);
    StoredTransaction* find(std::string_view id);
    /// The newest transaction carrying this request ID.
    StoredTransaction* find_by_request_id(std::string_view request_id);
    const StoredTransaction* find_by_request_id(std::string_view request_id) const;
    /// Every transaction, oldest first.
    const std::vector<StoredTransaction>& all() const { return transactions_; }

    /// Matching transactions, newest first, at most query.count.
    std::vector<const StoredTransaction*> list(const TransactionQuery& query) const;

private:
    std::vector<StoredTransaction> transactions_;  // oldest first
    std::uint64_t next_sequence_ = 0;
};

}  // namespace revolut::mock
