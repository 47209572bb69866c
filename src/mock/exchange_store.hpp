#pragma once
// The emulator's exchange rates, currencies' minor units, and the transfer and exchange
// reasons it offers. Rates are a fixed table (units of a currency per 1 GBP), so every run
// quotes the same; cross rates are exact quotients rounded to 10 fraction digits.

#include <revolut/money.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revolut::mock {

/// A transfer reason for a corridor (GET /transfer-reasons).
struct StoredTransferReason {
    std::string country;
    std::string currency;
    std::string code;
    std::string description;
};

/// An exchange reason (GET /exchange-reasons).
struct StoredExchangeReason {
    std::string code;
    std::string name;
};

class ExchangeStore {
public:
    ExchangeStore();

    /// Units of `to` one unit of `from` buys: 1 for the same currency, else the cross rate
    /// rounded half-up to 10 fraction digits (trailing zeros dropped); nullopt when either
    /// currency is not in the table.
    std::optional<Decimal> rate(std::string_view from, std::string_view to) const;
    /// Sets (or adds) a currency's rate as units per 1 GBP (> 0).
    void set_rate(std::string currency, Decimal per_gbp);

    const std::vector<StoredTransferReason>& transfer_reasons() const { return transfer_reasons_; }
    const std::vector<StoredExchangeReason>& exchange_reasons() const { return exchange_reasons_; }
    /// Whether `code` is a transfer reason for payments in this currency.
    bool is_transfer_reason(std::string_view currency, std::string_view code) const;
    /// Whether a payment in this currency must give a transfer reason (the table has reasons
    /// for it, as for INR and AED).
    bool needs_transfer_reason(std::string_view currency) const;

private:
    std::vector<std::pair<std::string, Decimal>> per_gbp_;
    std::vector<StoredTransferReason> transfer_reasons_;
    std::vector<StoredExchangeReason> exchange_reasons_;
};

/// Fraction digits of a currency's minor unit (ISO 4217): 2 for most, 0 for JPY, KRW…, 3 for
/// BHD, KWD, ….
unsigned minor_units(std::string_view currency);
/// Whether `amount` has no more fraction digits than the currency's minor unit allows (an
/// exact 10.50 GBP is fine; 10.555 GBP and 1.5 JPY are not).
bool fits_minor_units(const Decimal& amount, std::string_view currency);

/// a × b rounded half away from zero to `scale` fraction digits; nullopt when it does not fit.
std::optional<Decimal> multiply_rounded(const Decimal& a, const Decimal& b, unsigned scale);
/// a ÷ b rounded half away from zero to `scale` fraction digits; nullopt when b is zero or
/// the result does not fit.
std::optional<Decimal> divide_rounded(const Decimal& a, const Decimal& b, unsigned scale);
/// The same value without trailing fraction zeros ("1.1700" -> "1.17").
Decimal without_trailing_zeros(const Decimal& value);

}  // namespace revolut::mock
