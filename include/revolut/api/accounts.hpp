#pragma once
// Accounts: the business's accounts, their balances and bank details.

#include <revolut/detail/api_call.hpp>
#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/types.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace revolut {

/// Whether an account can be used (spec `Account.state`).
enum class AccountState { unknown, active, inactive };

/// A payment scheme an account can be reached by (spec `PaymentSystem`).
enum class PaymentScheme {
    unknown,
    chaps,
    bacs,
    faster_payments,
    sepa,
    swift,
    ach,
    elixir,
    sorbnet,
    nics,
    rix,
    sumclearing,
};

/// Unit of an inbound transfer's estimated time (spec `EstimatedTime.unit`).
enum class EstimatedTimeUnit { unknown, days, hours };

namespace detail {
inline constexpr std::array<std::string_view, 3> account_state_names{"", "active", "inactive"};
inline constexpr std::array<std::string_view, 12> payment_scheme_names{
    "",     "chaps",  "bacs",    "faster_payments", "sepa", "swift",
    "ach",  "elixir", "sorbnet", "nics",            "rix",  "sumclearing"};
inline constexpr std::array<std::string_view, 3> estimated_time_unit_names{"", "days", "hours"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(AccountState) noexcept {
    return detail::account_state_names;
}
constexpr std::span<const std::string_view> enum_names(PaymentScheme) noexcept {
    return detail::payment_scheme_names;
}
constexpr std::span<const std::string_view> enum_names(EstimatedTimeUnit) noexcept {
    return detail::estimated_time_unit_names;
}

/// One of the business's accounts (spec `Account`): one currency, one exact balance.
struct Account {
    Uuid id;
    std::optional<std::string> name;
    Decimal balance;
    std::string currency;  ///< ISO 4217
    OpenEnum<AccountState> state;
    bool is_public = false;  ///< `public`: visible to other businesses on Revolut
    Timestamp created_at{};
    Timestamp updated_at{};
};

/// The postal address of an account's beneficiary (spec `BeneficiaryAddress`).
struct BankDetailsAddress {
    std::optional<std::string> street_line1;
    std::optional<std::string> street_line2;
    std::optional<std::string> region;
    std::optional<std::string> city;
    std::string country;  ///< ISO 3166 alpha-2
    std::string postcode;
};

/// How long an inbound transfer takes (spec `EstimatedTime`).
struct EstimatedTime {
    OpenEnum<EstimatedTimeUnit> unit;
    std::optional<std::int64_t> min;
    std::optional<std::int64_t> max;
};

/// One way to pay into an account (spec `AccountBankDetailsItem`): local details, or IBAN
/// and BIC for SEPA/SWIFT.
struct AccountBankDetails {
    std::optional<std::string> iban;
    std::optional<std::string> bic;
    std::optional<std::string> account_no;
    std::optional<std::string> sort_code;
    std::optional<std::string> routing_number;
    std::string beneficiary;
    BankDetailsAddress beneficiary_address;
    std::optional<std::string> bank_country;  ///< ISO 3166 alpha-2
    std::optional<bool> pooled;
    std::optional<std::string> unique_reference;  ///< the reference of a pooled account
    std::vector<OpenEnum<PaymentScheme>> schemes;
    EstimatedTime estimated_time;
};

namespace detail::accounts {
ApiRequest get_all_accounts();
ApiRequest get_account(const Uuid& account_id);
ApiRequest get_full_bank_details(const Uuid& account_id);
}  // namespace detail::accounts

/// The Accounts endpoint group, with pyrevolut's method names. Every method accepts any Asio
/// completion token (default: co_await); Shape Raw gives raw JSON results. Errors:
/// Errc::invalid_argument before sending, ApiError for non-2xx answers.
template <class Shape = Typed, class Default = DefaultToken>
class BasicAccountsApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicAccountsApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/accounts — every account with its balance.
    template <class Token = Default>
    auto get_all_accounts(Token&& token = {}) {
        return detail::start<result<std::vector<Account>>>(
            core_, [] { return detail::accounts::get_all_accounts(); }, std::forward<Token>(token));
    }

    /// GET /1.0/accounts/{account_id} — one account.
    template <class Token = Default>
    auto get_account(Uuid account_id, Token&& token = {}) {
        return detail::start<result<Account>>(
            core_, [=] { return detail::accounts::get_account(account_id); }, std::forward<Token>(token));
    }

    /// GET /1.0/accounts/{account_id}/bank-details — the ways to pay into the account.
    template <class Token = Default>
    auto get_full_bank_details(Uuid account_id, Token&& token = {}) {
        return detail::start<result<std::vector<AccountBankDetails>>>(
            core_, [=] { return detail::accounts::get_full_bank_details(account_id); },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using AccountsApi = BasicAccountsApi<>;

}  // namespace revolut
