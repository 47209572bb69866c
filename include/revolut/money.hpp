#pragma once
// Exact money: a decimal number that never passes through binary floating point, and the
// JSON form this library gives it (exact number text in, exact number text out).

#include <boost/json/fwd.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace revolut {

/// An exact decimal: `coefficient() × 10^-scale()`, with a 64-bit coefficient and a scale of
/// 0 to 18 fraction digits. The scale is part of the value as written ("10.50" stays "10.50")
/// but not of its identity: comparison is by numeric value (10.5 == 10.50).
///
/// Why not a double: the API's amounts are decimal; 0.1 + 0.2 must be 0.3. Why int64 and 18
/// digits: it covers every ISO 4217 amount (and crypto's 8–18 decimals) with room to spare,
/// stays a trivially copyable 16-byte value, and exact comparisons fit in 128-bit arithmetic.
class Decimal {
public:
    /// Most fraction digits a Decimal keeps.
    static constexpr unsigned max_scale = 18;

    /// Zero, scale 0.
    constexpr Decimal() noexcept = default;
    /// `coefficient × 10^-scale`. Throws revolut::Error(Errc::invalid_argument) when scale >
    /// max_scale or coefficient is INT64_MIN (excluded so negation never overflows).
    explicit Decimal(std::int64_t coefficient, unsigned scale = 0);
    /// Binary floating point is never converted implicitly: parse decimal text instead.
    template <std::floating_point F>
    Decimal(F, unsigned = 0) = delete;

    /// Parses a number in JSON grammar: `-12.345`, `0`, `1e2`, `1.50E-1`. An exponent is folded
    /// into the scale (`1e2` -> "100", `1.5e-3` -> "0.0015"); trailing fraction zeros are kept
    /// unless dropping them is the only way to fit. Throws revolut::Error(Errc::invalid_argument)
    /// when the text is not a number or the value does not fit.
    static Decimal parse(std::string_view text);
    /// As parse, without throwing.
    static std::optional<Decimal> try_parse(std::string_view text) noexcept;

    /// Canonical text, never an exponent, exactly `scale()` fraction digits: "-0.05", "10.50".
    std::string to_string() const;

    std::int64_t coefficient() const noexcept { return coefficient_; }
    unsigned scale() const noexcept { return scale_; }
    bool is_zero() const noexcept { return coefficient_ == 0; }
    /// -1, 0 or 1.
    int signum() const noexcept { return (coefficient_ > 0) - (coefficient_ < 0); }

    /// The same value written with `scale` fraction digits, when that is exact and fits
    /// ("10.5" at scale 2 is "10.50"; "10.55" at scale 1 is nullopt).
    std::optional<Decimal> rescaled(unsigned scale) const noexcept;

    /// a + b at the larger of the two scales; nullopt on overflow.
    static std::optional<Decimal> checked_add(Decimal a, Decimal b) noexcept;
    /// a - b at the larger of the two scales; nullopt on overflow.
    static std::optional<Decimal> checked_sub(Decimal a, Decimal b) noexcept;

    /// Throw revolut::Error(Errc::invalid_argument) on overflow.
    friend Decimal operator+(Decimal a, Decimal b);
    friend Decimal operator-(Decimal a, Decimal b);
    Decimal& operator+=(Decimal other) { return *this = *this + other; }
    Decimal& operator-=(Decimal other) { return *this = *this - other; }
    Decimal operator-() const noexcept {
        Decimal r = *this;
        r.coefficient_ = -r.coefficient_;
        return r;
    }

    /// By numeric value: 10.5 == 10.50 (hence weak ordering: equal values may print apart).
    friend bool operator==(Decimal a, Decimal b) noexcept;
    friend std::weak_ordering operator<=>(Decimal a, Decimal b) noexcept;

private:
    std::int64_t coefficient_ = 0;
    std::uint8_t scale_ = 0;
};

/// Writes to_string().
std::ostream& operator<<(std::ostream& os, const Decimal& d);

/// An amount in a currency (ISO 4217 code, as the API writes it).
struct Money {
    Decimal amount;
    std::string currency;

    friend bool operator==(const Money&, const Money&) = default;
};

// --- Exact numbers in Boost.JSON values ----------------------------------------------------
// Boost.JSON 1.81 turns every non-integer number into a double. This library's exact JSON
// parser instead keeps a number with a fraction or exponent, or an integer too large for 64
// bits, as its exact source text; integers stay int64/uint64. The two functions below are
// all a user needs to read and print such values, e.g. webhook::Event::raw_json().

/// The exact value of a JSON number as this library's parser keeps it (int64, uint64 or exact
/// number text); nullopt for anything else, including a double (binary floating point is not
/// exact) and a number that does not fit a Decimal.
std::optional<Decimal> decimal_from_json(const boost::json::value& v) noexcept;

/// Compact JSON text of `v`, like boost::json::serialize, but exact numbers are written as
/// their exact digits (boost::json::serialize cannot know them).
std::string serialize_json(const boost::json::value& v);

}  // namespace revolut
