#pragma once
// Exact JSON numbers for Boost.JSON 1.81 (internal).
//
// Boost.JSON 1.81 has no parse option for exact numbers: a number with a fraction or an
// exponent becomes a double, and 0.1 stops being 0.1. parse_json_exact() is boost::json::parse
// with one difference:
//
//   * integers that fit stay int64 (or uint64 above INT64_MAX), as with boost::json::parse;
//   * every other number (fraction, exponent, or an integer beyond 64 bits) becomes an
//     "exact number": a json::string holding the byte 0xFF followed by the number's source
//     text exactly as it appeared ("10.50", "-1e2", "12345678901234567890123").
//
// 0xFF never occurs in UTF-8, and the parser rejects strings that are not valid UTF-8, so no
// string that came from a JSON document can be mistaken for an exact number. The text after
// the tag is valid JSON number grammar, which Decimal::parse reads and serialize_json_exact()
// writes back verbatim. boost::json::serialize does NOT know the tag: always serialize values
// that may hold exact numbers with serialize_json_exact() (revolut::serialize_json publicly).
//
// Sending amounts: `json::value_from(decimal)` gives an int64 for scale 0 and an exact number
// otherwise; build the request body as a json::value and serialize it with
// serialize_json_exact(). Reading amounts: `json::value_to<Decimal>(v)` (or
// revolut::decimal_from_json) accepts int64, uint64 and exact numbers, and refuses doubles.

#include <revolut/money.hpp>

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace revolut::detail {

/// First byte of an exact number's string representation (never valid in UTF-8).
inline constexpr char exact_number_tag = '\xFF';

/// Limits against hostile input. Exceeding one is an error, never a crash.
struct ExactJsonLimits {
    std::size_t max_depth = 64;                ///< nesting of arrays and objects
    std::size_t max_size = 16 * 1024 * 1024;   ///< bytes of input text
};

/// Parses one complete JSON document (RFC 8259; no comments, no trailing commas, valid UTF-8)
/// keeping non-integer numbers exact as described above. On failure returns null and sets
/// `ec` (a boost::json error; `boost::json::error::too_deep` for max_depth and
/// `boost::json::error::string_too_large` for max_size). `sp` owns the result's memory (a
/// monotonic_resource arena is the fast choice for a short-lived tree). Thread-safe: the
/// parser (with the default max_depth) is kept per thread, so a warm parse allocates only
/// through `sp`.
boost::json::value parse_json_exact(std::string_view text, boost::system::error_code& ec,
                                    const ExactJsonLimits& limits = {},
                                    boost::json::storage_ptr sp = {});

/// parse_json_exact into an arena sized for the document and owned by the result: one or two
/// heap allocations for the whole tree instead of one per string, array and object, and a
/// destruction that frees nothing piecemeal. Meant for trees read once and dropped (mapping a
/// response to models). The arena is reference-counted through the values' storage_ptr and
/// sealed before this returns: later allocations with it (a copy of a sub-value, which keeps
/// the copied-from storage) come from the heap and are thread-safe, but such a copy keeps the
/// whole arena alive; copy with a fresh storage_ptr to keep only what you need.
boost::json::value parse_json_exact_in_arena(std::string_view text, boost::system::error_code& ec);

/// True for an exact number made by parse_json_exact or make_exact_number.
bool is_exact_number(const boost::json::value& v) noexcept;
/// The number text of an exact number (without the tag); empty for anything else.
std::string_view exact_number_text(const boost::json::value& v) noexcept;
/// An exact number holding `number_text`, which must be JSON number grammar (unchecked).
boost::json::value make_exact_number(std::string_view number_text,
                                     boost::json::storage_ptr sp = {});

/// Appends compact JSON for `v` to `out`; exact numbers are written as their text, strings
/// are escaped as boost::json::serialize does, doubles are formatted by Boost.JSON. Throws
/// revolut::Error(Errc::invalid_argument) for a value nested deeper than 1024 levels.
void serialize_json_exact(const boost::json::value& v, std::string& out);
std::string serialize_json_exact(const boost::json::value& v);

}  // namespace revolut::detail

namespace revolut {

/// value_from(Decimal): int64 when scale() == 0, an exact number otherwise.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& v, const Decimal& d);
/// value_to<Decimal>: int64, uint64 or exact number; throws revolut::Error(Errc::invalid_response)
/// for anything else (a double means the text was parsed without parse_json_exact).
Decimal tag_invoke(const boost::json::value_to_tag<Decimal>&, const boost::json::value& v);

}  // namespace revolut
