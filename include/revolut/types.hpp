#pragma once
// Value types shared by every API group: UUIDs, timestamps and ISO-8601 text forms.

#include <array>
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace revolut {

/// A point in time, UTC, with the microsecond precision Revolut's timestamps carry.
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;

/// Parses ISO-8601 date-times as Revolut and pendulum write them: `2024-01-02T03:04:05Z`,
/// fractional seconds (any number of digits, truncated to microseconds), `+hh:mm`/`-hh:mm`/
/// `+hhmm` offsets, a space instead of `T`, and a bare date (midnight UTC).
/// Throws revolut::Error(Errc::invalid_argument) naming the text's problem.
Timestamp parse_timestamp(std::string_view text);
/// As parse_timestamp, without throwing.
std::optional<Timestamp> try_parse_timestamp(std::string_view text) noexcept;
/// `2024-01-02T03:04:05Z`, or `…05.123456Z` when there are sub-second digits.
std::string format_timestamp(Timestamp t);

/// A calendar date (`schedule_for`, `expense_date`, spending periods): `2024-01-02`.
using Date = std::chrono::year_month_day;
/// Parses `YYYY-MM-DD`; throws revolut::Error(Errc::invalid_argument) for anything else or an
/// impossible date.
Date parse_date(std::string_view text);
/// As parse_date, without throwing.
std::optional<Date> try_parse_date(std::string_view text) noexcept;
/// `YYYY-MM-DD`.
std::string format_date(Date d);

/// ISO-8601 duration as the API uses it (`P1D`, `PT12H`, `P0D`); weeks, days, hours, minutes
/// and seconds. Years and months are refused: they have no fixed length.
std::chrono::seconds parse_duration(std::string_view text);
/// Shortest ISO-8601 form of a non-negative duration: `P0D`, `P7D`, `PT12H`, `P1DT30M`.
std::string format_duration(std::chrono::seconds d);

/// A UUID in its canonical lower-case 8-4-4-4-12 form.
class Uuid {
public:
    Uuid() = default;
    /// Throws revolut::Error(Errc::invalid_argument) unless `text` is a UUID.
    explicit Uuid(std::string_view text);
    static std::optional<Uuid> try_parse(std::string_view text) noexcept;
    /// A random (version 4) UUID from OpenSSL's CSPRNG.
    static Uuid random();

    std::string to_string() const;
    const std::array<std::uint8_t, 16>& bytes() const noexcept { return bytes_; }
    bool is_nil() const noexcept;

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted operator's 0
    friend auto operator<=>(const Uuid&, const Uuid&) = default;

private:
    std::array<std::uint8_t, 16> bytes_{};
};

}  // namespace revolut
