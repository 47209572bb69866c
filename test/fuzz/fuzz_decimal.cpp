// Fuzzes Decimal parsing (every amount in every response and webhook goes through it) against
// an independent oracle, plus formatting, the JSON round trip and the checked arithmetic.
// Input: text a \0 text b.
// Oracle: the exact value of a JSON-grammar number as (sign, significant digits, power of
// ten), computed on strings; a Decimal must hold exactly that value, and must exist exactly
// when the value fits a 64-bit coefficient with at most 18 fraction digits.

#include "fuzz_support.hpp"

#include "json/exact_json.hpp"

#include <revolut/error.hpp>
#include <revolut/money.hpp>

#include <boost/json/value_from.hpp>
#include <boost/json/value_to.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace {

using revolut::Decimal;

struct Exact {
    bool negative = false;
    std::string digits;     // no leading or trailing zeros; empty for zero
    std::int64_t exponent = 0;  // value = digits × 10^exponent

    bool operator==(const Exact& o) const {
        if (digits.empty() || o.digits.empty()) return digits.empty() && o.digits.empty();
        return negative == o.negative && digits == o.digits && exponent == o.exponent;
    }
};

bool digit(char c) { return c >= '0' && c <= '9'; }

Exact normalize(bool negative, std::string digits, std::int64_t exponent) {
    const auto first = digits.find_first_not_of('0');
    if (first == std::string::npos) return {};
    digits.erase(0, first);
    while (digits.back() == '0') {
        digits.pop_back();
        ++exponent;
    }
    return {negative, std::move(digits), exponent};
}

// The exact value of `t` when it is JSON number grammar.
std::optional<Exact> oracle(std::string_view t) {
    std::size_t i = 0;
    const bool negative = i < t.size() && t[i] == '-';
    if (negative) ++i;
    if (i == t.size() || !digit(t[i])) return std::nullopt;
    std::string digits;
    if (t[i] == '0') {
        digits += t[i++];
    } else {
        while (i < t.size() && digit(t[i])) digits += t[i++];
    }
    std::int64_t exponent = 0;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (i == t.size() || !digit(t[i])) return std::nullopt;
        while (i < t.size() && digit(t[i])) {
            digits += t[i++];
            --exponent;
        }
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        bool minus = false;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) minus = t[i++] == '-';
        if (i == t.size() || !digit(t[i])) return std::nullopt;
        std::int64_t e = 0;
        for (; i < t.size() && digit(t[i]); ++i)
            if (e < 1'000'000'000'000) e = e * 10 + (t[i] - '0');  // saturates far beyond any fit
        exponent += minus ? -e : e;
    }
    if (i != t.size()) return std::nullopt;
    return normalize(negative, std::move(digits), exponent);
}

// Whether a value fits: some scale 0..18 makes it an integer of at most INT64_MAX.
bool fits(const Exact& x) {
    if (x.digits.empty()) return true;
    if (x.exponent < -static_cast<std::int64_t>(Decimal::max_scale)) return false;
    const std::int64_t shift = x.exponent > 0 ? x.exponent : 0;
    if (static_cast<std::int64_t>(x.digits.size()) + shift > 19) return false;
    if (static_cast<std::int64_t>(x.digits.size()) + shift < 19) return true;
    return x.digits + std::string(static_cast<std::size_t>(shift), '0') <= "9223372036854775807";
}

Exact value_of(const Decimal& d) {
    const std::int64_t c = d.coefficient();
    const std::uint64_t magnitude = c < 0 ? 0 - static_cast<std::uint64_t>(c) : static_cast<std::uint64_t>(c);
    return normalize(c < 0, std::to_string(magnitude), -static_cast<std::int64_t>(d.scale()));
}

bool identical(const Decimal& a, const Decimal& b) {
    return a.coefficient() == b.coefficient() && a.scale() == b.scale();
}

std::optional<Decimal> check_one(std::string_view text) {
    const auto d = Decimal::try_parse(text);
    try {
        FUZZ_CHECK(identical(Decimal::parse(text), *d));
    } catch (const revolut::Error& e) {
        FUZZ_CHECK(!d && e.code() == revolut::Errc::invalid_argument);
    }
    const auto expected = oracle(text);
    FUZZ_CHECK(d.has_value() == (expected && fits(*expected)));
    if (!d) return d;
    FUZZ_CHECK(value_of(*d) == *expected);
    FUZZ_CHECK(d->scale() <= Decimal::max_scale);

    // Text and JSON round trips keep coefficient and scale.
    const std::string text_form = d->to_string();
    FUZZ_CHECK(identical(Decimal::parse(text_form), *d));
    boost::system::error_code ec;
    const auto json = revolut::detail::parse_json_exact(
        revolut::serialize_json(boost::json::value_from(*d)), ec);
    FUZZ_CHECK(!ec);
    FUZZ_CHECK(identical(boost::json::value_to<Decimal>(json), *d));

    for (unsigned s = 0; s <= Decimal::max_scale; ++s)
        if (auto r = d->rescaled(s)) FUZZ_CHECK(r->scale() == s && *r == *d);
    return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    revolut::fuzz::Fields in(data, size);
    const std::string_view a_text = in.next();
    const auto a = check_one(a_text);
    const auto b = check_one(in.rest());
    if (!a || !b) return 0;

    FUZZ_CHECK((*a == *b) == ((*a <=> *b) == 0));
    if (const auto sum = Decimal::checked_add(*a, *b)) {
        FUZZ_CHECK(sum->scale() == std::max(a->scale(), b->scale()));
        // Subtracting b again gives a back, at the sum's scale; that may only fail when a
        // does not fit at that scale (9.27243036854775807 at 18 digits overflows int64).
        const auto back = Decimal::checked_sub(*sum, *b);
        FUZZ_CHECK(back ? *back == *a : !a->rescaled(sum->scale()));
    }
    if (const auto diff = Decimal::checked_sub(*a, *b)) {
        FUZZ_CHECK(diff->signum() == ((*a <=> *b) < 0 ? -1 : (*a <=> *b) > 0 ? 1 : 0));
        FUZZ_CHECK(-*diff == Decimal::checked_sub(*b, *a).value());
    }
    return 0;
}
