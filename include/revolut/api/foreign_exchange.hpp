#pragma once
// Foreign exchange: rates, exchanging money between accounts, exchange reasons.

#include <revolut/detail/api_call.hpp>
#include <revolut/enums.hpp>
#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/types.hpp>

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace revolut {

/// Why money is exchanged (spec `ExchangeReason.code`); sent as `exchange_reason_code` when
/// the country and amount require one (see get_exchange_reasons).
enum class ExchangeReasonCode {
    unknown,
    business_expense_and_claims,
    fees_and_charges,
    fund_transfer_and_intracompany_payment,
    gifts_and_donations,
    government_services_and_tax,
    insurance,
    inventory,
    investment_dividend_and_interest,
    loan_and_loan_repayment,
    marketing,
    payment_for_goods_and_services,
    payroll,
    refund,
    rental_and_property,
    sales,
    service_provider_and_software,
    travel_and_transportation,
    utilities,
};

namespace detail {
inline constexpr std::array<std::string_view, 19> exchange_reason_code_names{
    "",
    "business_expense_and_claims",
    "fees_and_charges",
    "fund_transfer_and_intracompany_payment",
    "gifts_and_donations",
    "government_services_and_tax",
    "insurance",
    "inventory",
    "investment_dividend_and_interest",
    "loan_and_loan_repayment",
    "marketing",
    "payment_for_goods_and_services",
    "payroll",
    "refund",
    "rental_and_property",
    "sales",
    "service_provider_and_software",
    "travel_and_transportation",
    "utilities"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(ExchangeReasonCode) noexcept {
    return detail::exchange_reason_code_names;
}

/// An amount in a currency as the rate endpoint writes it (spec `AmountWithCurrency`, `Fee`:
/// both fields optional in the spec).
struct ExchangeAmount {
    std::optional<Decimal> amount;
    std::optional<std::string> currency;
};

/// GET /rate (spec `ExchangeRateResponse`): selling `from` gives `to` at `rate`, for `fee`.
struct ExchangeRate {
    ExchangeAmount from;
    ExchangeAmount to;
    Decimal rate;
    ExchangeAmount fee;
    Timestamp rate_date{};
};

/// An exchange reason (spec `ExchangeReason`).
struct ExchangeReason {
    OpenEnum<ExchangeReasonCode> code;
    std::string name;
};

/// The transaction an exchange created (spec `ExchangeResponse`).
struct ExchangeResult {
    std::string id;  ///< the transaction ID (read it with transactions().get_transaction)
    std::optional<OpenEnum<TransactionType>> type;  ///< `exchange`
    std::optional<OpenEnum<TransactionState>> state;
    std::optional<std::string> reason_code;  ///< why it was declined or failed
    std::optional<Timestamp> created_at;
    std::optional<Timestamp> completed_at;
    /// The idempotency key the call sent (yours, or the one generated for it).
    std::string request_id;
};

/// One side of an exchange: the account, its currency and, on exactly one side, the amount
/// (on `from` to sell a known amount, on `to` to buy one).
struct ExchangeSide {
    Uuid account_id;
    std::string currency;  ///< ISO 4217
    std::optional<Decimal> amount;
};

/// The body of POST /exchange.
struct ExchangeRequest {
    ExchangeSide from;
    ExchangeSide to;
    std::optional<std::string> reference;
    std::optional<OpenEnum<ExchangeReasonCode>> exchange_reason_code;
    /// The idempotency key (1..40 characters); generated (a UUID) when absent. Reuse it to
    /// retry the same exchange: the API then returns the original instead of exchanging twice.
    std::optional<std::string> request_id;
};

namespace detail::foreign_exchange {
ApiRequest get_exchange_rate(const std::string& from_currency, const std::string& to_currency,
                             const std::optional<Decimal>& amount);
/// Fixes the request_id (the caller's, or a new UUID) in the body and in ApiRequest::request_id.
ApiRequest exchange_money(const ExchangeRequest& request);
ApiRequest get_exchange_reasons();
}  // namespace detail::foreign_exchange

/// The Foreign exchange endpoint group, with pyrevolut's method names and parameter order.
/// Every method accepts any Asio completion token (default: co_await); Shape Raw gives raw
/// JSON. Errors: Errc::invalid_argument before sending, ApiError for non-2xx answers.
template <class Shape = Typed, class Default = DefaultToken>
class BasicForeignExchangeApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicForeignExchangeApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/rate — the sell rate from one currency to another, for `amount` of
    /// `from_currency` (server default 1.00).
    template <class Token = Default>
    auto get_exchange_rate(std::string from_currency, std::string to_currency,
                           std::optional<Decimal> amount = std::nullopt, Token&& token = {}) {
        return detail::start<result<ExchangeRate>>(
            core_,
            [from_currency = std::move(from_currency), to_currency = std::move(to_currency), amount] {
                return detail::foreign_exchange::get_exchange_rate(from_currency, to_currency, amount);
            },
            std::forward<Token>(token));
    }

    /// POST /1.0/exchange — sells `from_amount` or buys `to_amount` (exactly one). The
    /// `request_id` (generated when absent) is sent on every retry and returned on the result.
    template <class Token = Default>
    auto exchange_money(Uuid from_account_id, std::string from_currency, Uuid to_account_id,
                        std::string to_currency, std::optional<Decimal> from_amount = std::nullopt,
                        std::optional<Decimal> to_amount = std::nullopt,
                        std::optional<std::string> reference = std::nullopt,
                        std::optional<OpenEnum<ExchangeReasonCode>> exchange_reason_code = std::nullopt,
                        std::optional<std::string> request_id = std::nullopt, Token&& token = {}) {
        ExchangeRequest request;
        request.from.account_id = from_account_id;
        request.from.currency = std::move(from_currency);
        request.from.amount = from_amount;
        request.to.account_id = to_account_id;
        request.to.currency = std::move(to_currency);
        request.to.amount = to_amount;
        request.reference = std::move(reference);
        request.exchange_reason_code = std::move(exchange_reason_code);
        request.request_id = std::move(request_id);
        return exchange_money(std::move(request), std::forward<Token>(token));
    }

    /// POST /1.0/exchange from a request struct.
    template <class Token = Default>
    auto exchange_money(ExchangeRequest request, Token&& token = {}) {
        return detail::start<result<ExchangeResult>>(
            core_,
            [request = std::move(request)] { return detail::foreign_exchange::exchange_money(request); },
            std::forward<Token>(token));
    }

    /// GET /1.0/exchange-reasons — the reasons you can give for an exchange.
    template <class Token = Default>
    auto get_exchange_reasons(Token&& token = {}) {
        return detail::start<result<std::vector<ExchangeReason>>>(
            core_, [] { return detail::foreign_exchange::get_exchange_reasons(); }, std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using ForeignExchangeApi = BasicForeignExchangeApi<>;

}  // namespace revolut
