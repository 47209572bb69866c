#pragma once
// Transfers: pay a counterparty, move money between own accounts, transfer reasons, and what
// a payment would cost and need before making it.

#include <revolut/api/foreign_exchange.hpp>
#include <revolut/detail/api_call.hpp>
#include <revolut/enums.hpp>
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

/// Who pays a transfer's route fees (spec `ChargeBearer`): `shared` (SHA) or `debtor` (OUR).
enum class ChargeBearer { unknown, shared, debtor };

/// Why money is sent, where the corridor requires one (spec `TransferReason.code`).
enum class TransferReasonCode {
    unknown,
    advertising,
    advisor_fees,
    business_insurance,
    construction,
    delivery,
    education,
    family,
    fund_investment,
    goods,
    homesend,
    hotel,
    exports,
    insurance_claims,
    insurance_premium,
    loan_repayment,
    medical,
    office,
    other_fees,
    personal_transfer,
    property_purchase,
    property_rental,
    royalties,
    services,
    share_investment,
    tax,
    transfer,
    transportation,
    travel,
    utilities,
};

/// How fast a quoted transfer is expected to arrive (spec `estimated_arrival.speed`).
enum class ArrivalSpeed { unknown, instant, in_seconds, today, tomorrow, by_date };

/// A warning on an indicative quote (spec `IndicativeQuoteResponse.warnings`).
enum class QuoteWarning { unknown, volatile_fx_rate };

namespace detail {
inline constexpr std::array<std::string_view, 3> charge_bearer_names{"", "shared", "debtor"};
inline constexpr std::array<std::string_view, 30> transfer_reason_code_names{
    "",
    "advertising",
    "advisor_fees",
    "business_insurance",
    "construction",
    "delivery",
    "education",
    "family",
    "fund_investment",
    "goods",
    "homesend",
    "hotel",
    "exports",
    "insurance_claims",
    "insurance_premium",
    "loan_repayment",
    "medical",
    "office",
    "other_fees",
    "personal_transfer",
    "property_purchase",
    "property_rental",
    "royalties",
    "services",
    "share_investment",
    "tax",
    "transfer",
    "transportation",
    "travel",
    "utilities"};
inline constexpr std::array<std::string_view, 6> arrival_speed_names{"",      "instant",  "in_seconds",
                                                                     "today", "tomorrow", "by_date"};
inline constexpr std::array<std::string_view, 2> quote_warning_names{"", "volatile_fx_rate"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(ChargeBearer) noexcept { return detail::charge_bearer_names; }
constexpr std::span<const std::string_view> enum_names(TransferReasonCode) noexcept {
    return detail::transfer_reason_code_names;
}
constexpr std::span<const std::string_view> enum_names(ArrivalSpeed) noexcept { return detail::arrival_speed_names; }
constexpr std::span<const std::string_view> enum_names(QuoteWarning) noexcept { return detail::quote_warning_names; }

/// Who receives a payment (spec `PaymentReceiver`): a counterparty and, when it has several
/// payment methods, which account or card (not both).
struct TransferReceiver {
    Uuid counterparty_id;
    std::optional<Uuid> account_id;
    std::optional<Uuid> card_id;
};

/// The transaction a payment or transfer created (spec `TransferResponse`).
struct TransferResult {
    std::string id;  ///< the transaction ID (read it with transactions().get_transaction)
    OpenEnum<TransactionState> state;
    Timestamp created_at{};
    std::optional<Timestamp> completed_at;
    /// The idempotency key the call sent (yours, or the one generated for it).
    std::string request_id;
};

/// A transfer reason for a country and currency (spec `TransferReason`).
struct TransferReason {
    std::string country;   ///< ISO 3166 alpha-2
    std::string currency;  ///< ISO 4217
    OpenEnum<TransferReasonCode> code;
    std::string description;
};

/// The body of POST /pay: pay `amount` `currency` from your account to a counterparty.
struct CreatePaymentRequest {
    Uuid account_id;
    TransferReceiver receiver;
    Decimal amount;
    std::string currency;  ///< the counterparty account's currency
    std::optional<std::string> reference;  ///< at most 140 characters
    std::optional<OpenEnum<ChargeBearer>> charge_bearer;
    std::optional<OpenEnum<TransferReasonCode>> transfer_reason_code;
    std::optional<OpenEnum<ExchangeReasonCode>> exchange_reason_code;
    std::optional<std::string> fiscal_code;  ///< up to 50 letters and digits
    /// The idempotency key (1..40 characters); generated (a UUID) when absent. Reuse it to
    /// retry the same payment: it is never paid twice.
    std::optional<std::string> request_id;
};

/// The body of POST /pay/indicative-quote: the payment to price, without paying it.
struct IndicativeQuoteRequest {
    Uuid account_id;
    TransferReceiver receiver;
    Decimal amount;
    std::string currency;
    std::optional<OpenEnum<ChargeBearer>> charge_bearer;
    std::optional<OpenEnum<TransferReasonCode>> transfer_reason_code;
    std::optional<OpenEnum<ExchangeReasonCode>> exchange_reason_code;
};

/// The parts of a quoted fee (spec `IndicativeQuoteFeeBreakdown`).
struct QuoteFeeBreakdown {
    std::optional<Money> transfer_fee;
    std::optional<Money> exchange_fee;
};

/// A quoted fee (spec `IndicativeQuoteFee`).
struct QuoteFee {
    Decimal amount;
    std::string currency;
    std::optional<QuoteFeeBreakdown> breakdown;  ///< absent when the fee is zero
};

/// When a quoted transfer should arrive.
struct EstimatedArrival {
    Date date{};
    OpenEnum<ArrivalSpeed> speed;
};

/// A non-binding estimate for a payment (spec `IndicativeQuoteResponse`).
struct IndicativeQuote {
    Money amount;           ///< what the recipient gets before their fees
    QuoteFee fee;           ///< in the source or target currency
    Money estimated_total;  ///< what leaves your account
    /// The exchange rate (sent as a string); absent for same-currency transfers.
    std::optional<Decimal> estimated_exchange_rate;
    std::optional<Money> estimated_amount_after_exchange;
    std::optional<EstimatedArrival> estimated_arrival;
    std::vector<OpenEnum<QuoteWarning>> warnings;
};

/// A regular expression a field must match (spec `PaymentRequirementsFieldRegex`).
struct PaymentRequirementsFieldRegex {
    std::string pattern;
    std::string description;
};

/// Rules for a field's value (spec `PaymentRequirementsFieldValidation`).
struct PaymentRequirementsFieldValidation {
    std::optional<std::int64_t> min_length;
    std::optional<std::int64_t> max_length;
    std::optional<PaymentRequirementsFieldRegex> regex;
};

/// An allowed value of a field (spec `PaymentRequirementsFieldOption`).
struct PaymentRequirementsFieldOption {
    std::string value;
    bool is_default = false;  ///< `default`
};

/// A /pay body field that applies to this destination (spec `PaymentRequirementsField`).
struct PaymentRequirementsField {
    std::string name;  ///< e.g. "reference", "charge_bearer", "transfer_reason_code"
    bool required = false;
    std::optional<PaymentRequirementsFieldValidation> validation;
    std::vector<PaymentRequirementsFieldOption> options;  ///< empty: any value
};

/// POST /pay/fields (spec `PaymentRequirementsResponse`).
struct PaymentRequirements {
    std::vector<PaymentRequirementsField> fields;
};

namespace detail::transfers {
ApiRequest get_transfer_reasons();
/// Fixes the request_id (the caller's, or a new UUID) in the body and in ApiRequest::request_id.
ApiRequest create_transfer_to_another_account(const CreatePaymentRequest& request);
/// Fixes the request_id as create_transfer_to_another_account does.
ApiRequest move_money_between_accounts(const Uuid& source_account_id, const Uuid& target_account_id,
                                       const Decimal& amount, const std::string& currency,
                                       const std::optional<std::string>& reference,
                                       const std::optional<std::string>& request_id);
ApiRequest get_indicative_quote(const IndicativeQuoteRequest& request);
ApiRequest get_payment_requirements(const Uuid& account_id, const TransferReceiver& receiver);
}  // namespace detail::transfers

/// The Transfers endpoint group, with pyrevolut's method names and parameter order (the
/// idempotency key last). Every method accepts any Asio completion token (default: co_await);
/// Shape Raw gives raw JSON. Errors: Errc::invalid_argument before sending, ApiError for
/// non-2xx answers.
template <class Shape = Typed, class Default = DefaultToken>
class BasicTransfersApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicTransfersApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/transfer-reasons — reason codes per country and currency.
    template <class Token = Default>
    auto get_transfer_reasons(Token&& token = {}) {
        return detail::start<result<std::vector<TransferReason>>>(
            core_, [] { return detail::transfers::get_transfer_reasons(); }, std::forward<Token>(token));
    }

    /// POST /1.0/pay — pays a counterparty. `request_id` (generated when absent) is sent on
    /// every retry of the call and returned on the result; a retry never pays twice.
    template <class Token = Default>
    auto create_transfer_to_another_account(
        Uuid account_id, Uuid counterparty_id, Decimal amount, std::string currency,
        std::optional<Uuid> counterparty_account_id = std::nullopt,
        std::optional<Uuid> counterparty_card_id = std::nullopt, std::optional<std::string> reference = std::nullopt,
        std::optional<OpenEnum<ChargeBearer>> charge_bearer = std::nullopt,
        std::optional<OpenEnum<TransferReasonCode>> transfer_reason_code = std::nullopt,
        std::optional<OpenEnum<ExchangeReasonCode>> exchange_reason_code = std::nullopt,
        std::optional<std::string> fiscal_code = std::nullopt, std::optional<std::string> request_id = std::nullopt,
        Token&& token = {}) {
        CreatePaymentRequest request;
        request.account_id = account_id;
        request.receiver.counterparty_id = counterparty_id;
        request.receiver.account_id = counterparty_account_id;
        request.receiver.card_id = counterparty_card_id;
        request.amount = amount;
        request.currency = std::move(currency);
        request.reference = std::move(reference);
        request.charge_bearer = std::move(charge_bearer);
        request.transfer_reason_code = std::move(transfer_reason_code);
        request.exchange_reason_code = std::move(exchange_reason_code);
        request.fiscal_code = std::move(fiscal_code);
        request.request_id = std::move(request_id);
        return create_transfer_to_another_account(std::move(request), std::forward<Token>(token));
    }

    /// POST /1.0/pay from a request struct.
    template <class Token = Default>
    auto create_transfer_to_another_account(CreatePaymentRequest request, Token&& token = {}) {
        return detail::start<result<TransferResult>>(
            core_,
            [request = std::move(request)] { return detail::transfers::create_transfer_to_another_account(request); },
            std::forward<Token>(token));
    }

    /// POST /1.0/transfer — moves money between two of your accounts in one currency; the
    /// `request_id` works as for create_transfer_to_another_account.
    template <class Token = Default>
    auto move_money_between_accounts(Uuid source_account_id, Uuid target_account_id, Decimal amount,
                                     std::string currency, std::optional<std::string> reference = std::nullopt,
                                     std::optional<std::string> request_id = std::nullopt, Token&& token = {}) {
        return detail::start<result<TransferResult>>(
            core_,
            [=, currency = std::move(currency), reference = std::move(reference),
             request_id = std::move(request_id)] {
                return detail::transfers::move_money_between_accounts(source_account_id, target_account_id, amount,
                                                                      currency, reference, request_id);
            },
            std::forward<Token>(token));
    }

    /// POST /1.0/pay/indicative-quote — fees, rate and arrival of a payment; moves nothing.
    template <class Token = Default>
    auto get_indicative_quote(IndicativeQuoteRequest request, Token&& token = {}) {
        return detail::start<result<IndicativeQuote>>(
            core_, [request = std::move(request)] { return detail::transfers::get_indicative_quote(request); },
            std::forward<Token>(token));
    }

    /// POST /1.0/pay/fields — which /pay fields this destination requires, with their rules.
    template <class Token = Default>
    auto get_payment_requirements(Uuid account_id, TransferReceiver receiver, Token&& token = {}) {
        return detail::start<result<PaymentRequirements>>(
            core_, [=] { return detail::transfers::get_payment_requirements(account_id, receiver); },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using TransfersApi = BasicTransfersApi<>;

}  // namespace revolut
