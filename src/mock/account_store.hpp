#pragma once
// The business's accounts and their balances, kept as exact decimals.

#include <revolut/money.hpp>
#include <revolut/types.hpp>

#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

/// One account (spec schema `Account`).
struct StoredAccount {
    Uuid id;
    std::string name;
    Decimal balance;
    std::string currency;  ///< ISO 4217
    bool active = true;    ///< `state`: active or inactive
    bool is_public = false;
    Timestamp created_at{};
    Timestamp updated_at{};
};

/// Accounts in the order they were opened.
class AccountStore {
public:
    /// Every account, oldest first.
    const std::vector<StoredAccount>& all() const { return accounts_; }
    /// Pointers stay valid until the next open().
    StoredAccount* find(const Uuid& id);
    const StoredAccount* find(const Uuid& id) const;

    /// Opens an active, private account.
    StoredAccount& open(std::string name, std::string currency, Decimal balance, Timestamp now);

    /// Adds `amount` (negative: takes it) to the balance; false, leaving it unchanged, when the
    /// result does not fit a Decimal.
    bool adjust_balance(StoredAccount& account, Decimal amount, Timestamp now);

private:
    std::vector<StoredAccount> accounts_;
};

}  // namespace revolut::mock
