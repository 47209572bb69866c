// Decimal: parsing, formatting, exact comparison and checked arithmetic.
// 128-bit intermediates make rescaling and comparison exact: |coefficient| < 2^63 and
// 10^max_scale < 2^60, so every product below stays under 2^123.

#include <revolut/money.hpp>

#include <revolut/error.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <ostream>

namespace revolut {
namespace {

__extension__ using int128 = __int128;  // GCC/Clang builtin; __extension__ keeps -Wpedantic quiet

constexpr std::int64_t max_coefficient = std::numeric_limits<std::int64_t>::max();

constexpr std::array<std::int64_t, 19> pow10 = [] {
    std::array<std::int64_t, 19> p{};
    p[0] = 1;
    for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
    return p;
}();

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// coefficient × 10^(to - from), to >= from, as a 128-bit integer (always exact, see above).
int128 widen(std::int64_t coefficient, unsigned from, unsigned to) noexcept {
    return static_cast<int128>(coefficient) * pow10[to - from];
}

std::optional<Decimal> narrow(int128 coefficient, unsigned scale) noexcept {
    if (coefficient > max_coefficient || coefficient < -max_coefficient) return std::nullopt;
    return Decimal(static_cast<std::int64_t>(coefficient), scale);
}

std::string quoted_prefix(std::string_view text) {
    constexpr std::size_t max_echo = 40;
    std::string s = "\"";
    s.append(text.substr(0, max_echo));
    if (text.size() > max_echo) s += "...";
    s += '"';
    return s;
}

}  // namespace

Decimal::Decimal(std::int64_t coefficient, unsigned scale) {
    if (scale > max_scale) {
        throw Error(make_error_code(Errc::invalid_argument),
                    "Decimal scale " + std::to_string(scale) + " exceeds 18");
    }
    if (coefficient < -max_coefficient) {
        throw Error(make_error_code(Errc::invalid_argument), "Decimal coefficient out of range");
    }
    coefficient_ = coefficient;
    scale_ = static_cast<std::uint8_t>(scale);
}

std::optional<Decimal> Decimal::try_parse(std::string_view t) noexcept {
    // Grammar (RFC 8259): -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    std::size_t i = 0;
    const std::size_t n = t.size();
    const bool negative = i < n && t[i] == '-';
    if (negative) ++i;
    const std::size_t int_begin = i;
    if (i < n && t[i] == '0') {
        ++i;
    } else if (i < n && t[i] >= '1' && t[i] <= '9') {
        while (i < n && is_digit(t[i])) ++i;
    } else {
        return std::nullopt;
    }
    const std::size_t int_end = i;
    std::size_t frac_begin = i, frac_end = i;
    if (i < n && t[i] == '.') {
        frac_begin = ++i;
        while (i < n && is_digit(t[i])) ++i;
        frac_end = i;
        if (frac_begin == frac_end) return std::nullopt;
    }
    std::int64_t exponent = 0;
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < n && (t[i] == '+' || t[i] == '-')) exp_negative = t[i++] == '-';
        if (i == n || !is_digit(t[i])) return std::nullopt;
        for (; i < n && is_digit(t[i]); ++i) {
            // Saturate: anything this large fails (or is zero) below; the bound just keeps
            // the arithmetic defined.
            if (exponent < 1'000'000'000) exponent = exponent * 10 + (t[i] - '0');
        }
        if (exp_negative) exponent = -exponent;
    }
    if (i != n) return std::nullopt;

    // Significant digits go into `coefficient`; zeros after the last non-zero digit wait in
    // `pending_zeros`, so trailing zeros can be dropped when that is the only way to fit.
    std::int64_t coefficient = 0;
    std::int64_t pending_zeros = 0;
    auto take = [&](char c) noexcept {
        const int d = c - '0';
        if (d == 0) {
            if (coefficient != 0) ++pending_zeros;
            return true;
        }
        for (; pending_zeros > 0; --pending_zeros) {
            if (coefficient > max_coefficient / 10) return false;
            coefficient *= 10;
        }
        if (coefficient > (max_coefficient - d) / 10) return false;
        coefficient = coefficient * 10 + d;
        return true;
    };
    for (std::size_t k = int_begin; k < int_end; ++k)
        if (!take(t[k])) return std::nullopt;
    for (std::size_t k = frac_begin; k < frac_end; ++k)
        if (!take(t[k])) return std::nullopt;

    std::int64_t scale = static_cast<std::int64_t>(frac_end - frac_begin) - exponent;
    if (coefficient == 0) {  // zero: any scale is exact; clamp into range
        if (scale < 0) scale = 0;
        if (scale > static_cast<std::int64_t>(max_scale)) scale = max_scale;
        return Decimal(0, static_cast<unsigned>(scale));
    }
    if (scale < 0) {
        pending_zeros += -scale;
        scale = 0;
    }
    if (scale > static_cast<std::int64_t>(max_scale)) {
        const std::int64_t drop = std::min(pending_zeros, scale - static_cast<std::int64_t>(max_scale));
        pending_zeros -= drop;
        scale -= drop;
        if (scale > static_cast<std::int64_t>(max_scale)) return std::nullopt;
    }
    for (; pending_zeros > 0; --pending_zeros) {
        if (coefficient <= max_coefficient / 10) {
            coefficient *= 10;
        } else if (scale > 0) {
            --scale;  // drop a trailing fraction zero instead of overflowing
        } else {
            return std::nullopt;
        }
    }
    return Decimal(negative ? -coefficient : coefficient, static_cast<unsigned>(scale));
}

Decimal Decimal::parse(std::string_view text) {
    if (auto d = try_parse(text)) return *d;
    throw Error(make_error_code(Errc::invalid_argument),
                "not a decimal number that fits 64 bits and 18 fraction digits: " +
                    quoted_prefix(text));
}

std::string Decimal::to_string() const {
    // The magnitude as digits; INT64_MIN is excluded, so negation is safe.
    std::array<char, 20> digits{};
    const std::uint64_t magnitude = coefficient_ < 0 ? static_cast<std::uint64_t>(-coefficient_)
                                                     : static_cast<std::uint64_t>(coefficient_);
    const auto len = static_cast<std::size_t>(
        std::to_chars(digits.data(), digits.data() + digits.size(), magnitude).ptr -
        digits.data());
    std::string out;
    out.reserve(len + scale_ + 3);
    if (coefficient_ < 0) out += '-';
    const std::string_view ds(digits.data(), len);
    if (scale_ == 0) {
        out += ds;
    } else if (len <= scale_) {
        out += "0.";
        out.append(scale_ - len, '0');
        out += ds;
    } else {
        out += ds.substr(0, len - scale_);
        out += '.';
        out += ds.substr(len - scale_);
    }
    return out;
}

std::optional<Decimal> Decimal::rescaled(unsigned scale) const noexcept {
    if (scale > max_scale) return std::nullopt;
    if (scale >= scale_) return narrow(widen(coefficient_, scale_, scale), scale);
    const std::int64_t divisor = pow10[scale_ - scale];
    if (coefficient_ % divisor != 0) return std::nullopt;
    return Decimal(coefficient_ / divisor, scale);
}

std::optional<Decimal> Decimal::checked_add(Decimal a, Decimal b) noexcept {
    const unsigned s = std::max(a.scale_, b.scale_);
    return narrow(widen(a.coefficient_, a.scale_, s) + widen(b.coefficient_, b.scale_, s), s);
}

std::optional<Decimal> Decimal::checked_sub(Decimal a, Decimal b) noexcept {
    const unsigned s = std::max(a.scale_, b.scale_);
    return narrow(widen(a.coefficient_, a.scale_, s) - widen(b.coefficient_, b.scale_, s), s);
}

Decimal operator+(Decimal a, Decimal b) {
    if (auto r = Decimal::checked_add(a, b)) return *r;
    throw Error(make_error_code(Errc::invalid_argument), "Decimal addition overflows");
}

Decimal operator-(Decimal a, Decimal b) {
    if (auto r = Decimal::checked_sub(a, b)) return *r;
    throw Error(make_error_code(Errc::invalid_argument), "Decimal subtraction overflows");
}

bool operator==(Decimal a, Decimal b) noexcept {
    if (a.scale_ == b.scale_) return a.coefficient_ == b.coefficient_;
    const unsigned s = std::max(a.scale_, b.scale_);
    return widen(a.coefficient_, a.scale_, s) == widen(b.coefficient_, b.scale_, s);
}

std::weak_ordering operator<=>(Decimal a, Decimal b) noexcept {
    const unsigned s = std::max(a.scale_, b.scale_);
    const int128 x = widen(a.coefficient_, a.scale_, s);
    const int128 y = widen(b.coefficient_, b.scale_, s);
    if (x < y) return std::weak_ordering::less;
    if (x > y) return std::weak_ordering::greater;
    return std::weak_ordering::equivalent;
}

std::ostream& operator<<(std::ostream& os, const Decimal& d) { return os << d.to_string(); }

}  // namespace revolut
