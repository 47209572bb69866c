#pragma once
// String enums used by more than one API group (transactions, payout links, webhook events).
// Spelled as the API spells them; values this version does not know are kept by OpenEnum.

#include <revolut/open_enum.hpp>

#include <array>
#include <span>
#include <string_view>

namespace revolut {

/// Kind of a transaction (spec `TransactionType`). pyrevolut's extra `temp_block` is not in
/// the spec and arrives as an unknown value that OpenEnum keeps.
enum class TransactionType {
    unknown,
    atm,
    card_payment,
    card_refund,
    card_chargeback,
    card_credit,
    charge,
    charge_refund,
    exchange,
    transfer,
    loan,
    fee,
    refund,
    topup,
    topup_return,
    tax,
    tax_refund,
    rev_payment,
};

/// Life-cycle state of a transaction (spec `TransactionState`).
enum class TransactionState {
    unknown,
    created,
    pending,
    completed,
    declined,
    failed,
    reverted,
};

/// Life-cycle state of a payout link (spec `PayoutLinkState`).
enum class PayoutLinkState {
    unknown,
    created,
    failed,
    awaiting,
    active,
    expired,
    cancelled,
    processing,
    processed,
};

/// Whose account a transaction counterparty is (spec `TransactionCounterpartyAccountType`).
enum class CounterpartyAccountType {
    unknown,
    self,
    revolut,
    external,
};

namespace detail {
inline constexpr std::array<std::string_view, 18> transaction_type_names{
    "",         "atm",   "card_payment",  "card_refund",  "card_chargeback", "card_credit",
    "charge",   "charge_refund", "exchange", "transfer", "loan", "fee", "refund", "topup",
    "topup_return", "tax", "tax_refund", "rev_payment"};
inline constexpr std::array<std::string_view, 7> transaction_state_names{
    "", "created", "pending", "completed", "declined", "failed", "reverted"};
inline constexpr std::array<std::string_view, 9> payout_link_state_names{
    "",          "created",    "failed",   "awaiting", "active", "expired",
    "cancelled", "processing", "processed"};
inline constexpr std::array<std::string_view, 4> counterparty_account_type_names{
    "", "self", "revolut", "external"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(TransactionType) noexcept {
    return detail::transaction_type_names;
}
constexpr std::span<const std::string_view> enum_names(TransactionState) noexcept {
    return detail::transaction_state_names;
}
constexpr std::span<const std::string_view> enum_names(PayoutLinkState) noexcept {
    return detail::payout_link_state_names;
}
constexpr std::span<const std::string_view> enum_names(CounterpartyAccountType) noexcept {
    return detail::counterparty_account_type_names;
}

}  // namespace revolut
