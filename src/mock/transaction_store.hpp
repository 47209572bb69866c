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
    StoredTransaction* find(std::string_view id);
    /// The newest transaction carrying this request ID.
    StoredTransaction* find_by_request_id(std::string_view request_id);

    /// Matching transactions, newest first, at most query.count.
    std::vector<const StoredTransaction*> list(const TransactionQuery& query) const;

private:
    std::vector<StoredTransaction> transactions_;  // oldest first
    std::uint64_t next_sequence_ = 0;
};

}  // namespace revolut::mock
