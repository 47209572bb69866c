#include "resilience/retry_after.hpp"

#include <array>
#include <cctype>
#include <cstdint>

namespace revolut::resilience {
namespace {

using namespace std::chrono;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

// A fixed number of digits at `at`, or -1.
int digits(std::string_view s, std::size_t at, std::size_t count) {
    if (at + count > s.size()) return -1;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

int month_of(std::string_view name) {
    static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (std::size_t i = 0; i < months.size(); ++i)
        if (name == months[i]) return static_cast<int>(i) + 1;
    return 0;
}

struct Parts {
    int year = -1, month = 0, day = -1, hour = -1, minute = -1, second = -1;
};

// "HH:MM:SS" at `at`.
bool read_time(std::string_view s, std::size_t at, Parts& p) {
    if (at + 8 > s.size() || s[at + 2] != ':' || s[at + 5] != ':') return false;
    p.hour = digits(s, at, 2);
    p.minute = digits(s, at + 3, 2);
    p.second = digits(s, at + 6, 2);
    return p.hour >= 0 && p.minute >= 0 && p.second >= 0;
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
bool imf_fixdate(std::string_view s, Parts& p) {
    if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' ||
        s.substr(25) != " GMT")
        return false;
    p.day = digits(s, 5, 2);
    p.month = month_of(s.substr(8, 3));
    p.year = digits(s, 12, 4);
    return read_time(s, 17, p);
}

// "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years: RFC 9110 says to read a year more than
// 50 years ahead as the past century's).
bool rfc850_date(std::string_view s, Parts& p, int current_year) {
    auto comma = s.find(", ");
    if (comma == std::string_view::npos) return false;
    auto rest = s.substr(comma + 2);
    if (rest.size() != 22 || rest[2] != '-' || rest[6] != '-' || rest[9] != ' ' || rest.substr(18) != " GMT")
        return false;
    p.day = digits(rest, 0, 2);
    p.month = month_of(rest.substr(3, 3));
    int yy = digits(rest, 7, 2);
    if (yy < 0) return false;
    p.year = current_year / 100 * 100 + yy;
    if (p.year > current_year + 50) p.year -= 100;
    return read_time(rest, 10, p);
}

// "Sun Nov  6 08:49:37 1994"
bool asctime_date(std::string_view s, Parts& p) {
    if (s.size() != 24 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[19] != ' ') return false;
    p.month = month_of(s.substr(4, 3));
    p.day = s[8] == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
    p.year = digits(s, 20, 4);
    return read_time(s, 11, p);
}

std::optional<system_clock::time_point> to_time_point(const Parts& p) {
    if (p.year < 0 || p.month == 0 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 60)
        return std::nullopt;
    year_month_day date{year(p.year), month(static_cast<unsigned>(p.month)), day(static_cast<unsigned>(p.day))};
    if (!date.ok()) return std::nullopt;
    return sys_days(date) + hours(p.hour) + minutes(p.minute) + seconds(p.second);
}

}  // namespace

std::optional<milliseconds> parse_retry_after(std::string_view value, system_clock::time_point now) {
    value = trim(value);
    if (all_digits(value)) {
        if (value.size() > 9) return milliseconds(seconds(999'999'999));  // absurd, but a delay
        return duration_cast<milliseconds>(seconds(std::stoll(std::string(value))));
    }
    int current_year = static_cast<int>(year_month_day(floor<days>(now)).year());
    Parts parts;
    if (!imf_fixdate(value, parts) && !rfc850_date(value, parts, current_year) && !asctime_date(value, parts))
        return std::nullopt;
    auto at = to_time_point(parts);
    if (!at) return std::nullopt;
    return *at <= now ? milliseconds::zero() : duration_cast<milliseconds>(*at - now);
}

}  // namespace revolut::resilience
