#include "mock/exchange_store.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace revolut::mock {

namespace {

// GCC builtin; __extension__ keeps -Wpedantic quiet and applies only to a typedef.
__extension__ typedef __int128 int128;  // NOLINT(modernize-use-using)

constexpr int128 int128_max = ((static_cast<int128>(1) << 126) - 1) + (static_cast<int128>(1) << 126);
// Cross rates carry this many fraction digits, like the API's (e.g. 1.0044090351).
constexpr unsigned rate_scale = 10;

int128 pow10(unsigned n) {
    int128 r = 1;
    while (n-- > 0) r *= 10;
    return r;
}

int128 magnitude(int128 v) { return v < 0 ? -v : v; }

// num / den rounded half away from zero.
int128 divide_half_up(int128 num, int128 den) {
    int128 q = num / den;
    const int128 r = magnitude(num % den);
    if (r >= magnitude(den) - r) q += ((num < 0) != (den < 0)) ? -1 : 1;
    return q;
}

std::optional<Decimal> make(int128 coefficient, unsigned scale) {
    if (scale > Decimal::max_scale) return std::nullopt;
    if (coefficient > std::numeric_limits<std::int64_t>::max() ||
        coefficient <= std::numeric_limits<std::int64_t>::min())
        return std::nullopt;
    return Decimal(static_cast<std::int64_t>(coefficient), scale);
}

// coefficient × 10^-from as a Decimal at scale `to`, rounded half away from zero.
std::optional<Decimal> rescale(int128 coefficient, unsigned from, unsigned to) {
    if (to >= from) {
        const int128 factor = pow10(to - from);
        if (magnitude(coefficient) > int128_max / factor) return std::nullopt;
        return make(coefficient * factor, to);
    }
    return make(divide_half_up(coefficient, pow10(from - to)), to);
}

// ISO 4217 minor units that are not 2.
constexpr std::array<std::pair<std::string_view, unsigned>, 17> unusual_minor_units{{
    {"BHD", 3}, {"IQD", 3}, {"JOD", 3}, {"KWD", 3}, {"LYD", 3}, {"OMR", 3}, {"TND", 3},
    {"BIF", 0}, {"CLP", 0}, {"ISK", 0}, {"JPY", 0}, {"KRW", 0}, {"PYG", 0}, {"UGX", 0},
    {"VND", 0}, {"XAF", 0}, {"XOF", 0},
}};

}  // namespace

unsigned minor_units(std::string_view currency) {
    for (const auto& [code, digits] : unusual_minor_units)
        if (code == currency) return digits;
    return 2;
}

bool fits_minor_units(const Decimal& amount, std::string_view currency) {
    return amount.scale() <= minor_units(currency) || amount.rescaled(minor_units(currency)).has_value();
}

std::optional<Decimal> multiply_rounded(const Decimal& a, const Decimal& b, unsigned scale) {
    const int128 product = static_cast<int128>(a.coefficient()) * b.coefficient();
    return rescale(product, a.scale() + b.scale(), scale);
}

std::optional<Decimal> divide_rounded(const Decimal& a, const Decimal& b, unsigned scale) {
    if (b.is_zero()) return std::nullopt;
    // a/b × 10^scale = A × 10^(scale + sb - sa) / B.
    const int exponent = static_cast<int>(scale) + static_cast<int>(b.scale()) - static_cast<int>(a.scale());
    int128 num = a.coefficient();
    int128 den = b.coefficient();
    const int128 factor = pow10(static_cast<unsigned>(exponent < 0 ? -exponent : exponent));
    int128& scaled = exponent >= 0 ? num : den;
    if (magnitude(scaled) > int128_max / factor) return std::nullopt;
    scaled *= factor;
    return make(divide_half_up(num, den), scale);
}

Decimal without_trailing_zeros(const Decimal& value) {
    std::int64_t coefficient = value.coefficient();
    unsigned scale = value.scale();
    while (scale > 0 && coefficient % 10 == 0) {
        coefficient /= 10;
        --scale;
    }
    return Decimal(coefficient, scale);
}

ExchangeStore::ExchangeStore() {
    // Units per 1 GBP: round figures near real ones; only their consistency matters.
    const std::array<std::pair<const char*, const char*>, 16> table{{
        {"GBP", "1"},      {"EUR", "1.17"},  {"USD", "1.27"},  {"CHF", "1.12"},
        {"JPY", "190.5"},  {"PLN", "5.05"},  {"SEK", "13.4"},  {"NOK", "13.6"},
        {"DKK", "8.73"},   {"CAD", "1.74"},  {"AUD", "1.93"},  {"INR", "105.8"},
        {"CZK", "29.3"},   {"HUF", "460"},   {"RON", "5.82"},  {"AED", "4.66"},
    }};
    for (const auto& [code, rate] : table) per_gbp_.emplace_back(code, Decimal::parse(rate));

    const std::array<std::pair<const char*, const char*>, 12> india{{
        {"advertising", "Advertising"},
        {"advisor_fees", "Advisor fees"},
        {"construction", "Construction"},
        {"delivery", "Delivery"},
        {"education", "Education"},
        {"exports", "Exports"},
        {"goods", "Goods"},
        {"insurance_claims", "Insurance claims"},
        {"other_fees", "Other fees"},
        {"property_rental", "Property rental"},
        {"royalties", "Royalties"},
        {"services", "Services"},
    }};
    for (const auto& [code, text] : india) transfer_reasons_.push_back({"IN", "INR", code, text});
    const std::array<std::pair<const char*, const char*>, 4> emirates{{
        {"family", "Family support"}, {"goods", "Goods bought"}, {"services", "Services"}, {"travel", "Travel"}}};
    for (const auto& [code, text] : emirates) transfer_reasons_.push_back({"AE", "AED", code, text});

    const std::array<std::pair<const char*, const char*>, 18> exchange{{
        {"business_expense_and_claims", "Business expense and claims"},
        {"fees_and_charges", "Fees and charges"},
        {"fund_transfer_and_intracompany_payment", "Fund transfer and intracompany payment"},
        {"gifts_and_donations", "Gifts and donations"},
        {"government_services_and_tax", "Government services and tax"},
        {"insurance", "Insurance"},
        {"inventory", "Inventory"},
        {"investment_dividend_and_interest", "Investment, dividend and interest"},
        {"loan_and_loan_repayment", "Loan and loan repayment"},
        {"marketing", "Marketing"},
        {"payment_for_goods_and_services", "Payment for goods and services"},
        {"payroll", "Payroll"},
        {"refund", "Refund"},
        {"rental_and_property", "Rental and property"},
        {"sales", "Sales"},
        {"service_provider_and_software", "Service provider and software"},
        {"travel_and_transportation", "Travel and transportation"},
        {"utilities", "Utilities"},
    }};
    for (const auto& [code, name] : exchange) exchange_reasons_.push_back({code, name});
}

std::optional<Decimal> ExchangeStore::rate(std::string_view from, std::string_view to) const {
    auto find = [&](std::string_view code) -> const Decimal* {
        for (const auto& [currency, rate] : per_gbp_)
            if (currency == code) return &rate;
        return nullptr;
    };
    const Decimal* from_rate = find(from);
    const Decimal* to_rate = find(to);
    if (from_rate == nullptr || to_rate == nullptr) return std::nullopt;
    if (from == to) return Decimal(1);
    auto cross = divide_rounded(*to_rate, *from_rate, rate_scale);
    if (!cross) return std::nullopt;
    return without_trailing_zeros(*cross);
}

void ExchangeStore::set_rate(std::string currency, Decimal per_gbp) {
    for (auto& [code, rate] : per_gbp_) {
        if (code == currency) {
            rate = per_gbp;
            return;
        }
    }
    per_gbp_.emplace_back(std::move(currency), per_gbp);
}

bool ExchangeStore::is_transfer_reason(std::string_view currency, std::string_view code) const {
    return std::any_of(transfer_reasons_.begin(), transfer_reasons_.end(), [&](const StoredTransferReason& r) {
        return r.currency == currency && r.code == code;
    });
}

bool ExchangeStore::needs_transfer_reason(std::string_view currency) const {
    return std::any_of(transfer_reasons_.begin(), transfer_reasons_.end(),
                       [&](const StoredTransferReason& r) { return r.currency == currency; });
}

}  // namespace revolut::mock
