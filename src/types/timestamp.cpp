// ISO-8601 date-times as Revolut and pendulum write them.
#include <revolut/error.hpp>
#include <revolut/types.hpp>

#include <charconv>
#include <cstdio>

namespace revolut {
namespace {

using namespace std::chrono;

// A tiny cursor over the text; every reader returns false instead of reading past the end.
struct Cursor {
    std::string_view text;
    std::size_t pos = 0;

    bool done() const { return pos == text.size(); }
    char peek() const { return done() ? '\0' : text[pos]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++pos;
        return true;
    }
    bool digits(std::size_t count, int& out) {
        if (text.size() - pos < count) return false;
        out = 0;
        for (std::size_t i = 0; i < count; ++i) {
            char c = text[pos + i];
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
        }
        pos += count;
        return true;
    }
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The range four-digit years can write: 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z.
constexpr Timestamp earliest{sys_days{year{0} / January / 1}};
constexpr Timestamp latest{sys_days{year{10000} / January / 1} - microseconds{1}};

std::optional<Timestamp> parse(std::string_view text) noexcept {
    Cursor in{text};
    int year = 0, month = 0, day = 0;
    if (!in.digits(4, year) || !in.eat('-') || !in.digits(2, month) || !in.eat('-') ||
        !in.digits(2, day))
        return std::nullopt;
    year_month_day date{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                        std::chrono::day{unsigned(day)}};
    if (!date.ok()) return std::nullopt;
    Timestamp result = time_point_cast<microseconds>(sys_days{date});
    if (in.done()) return result;  // a bare date means midnight UTC

    if (!in.eat('T') && !in.eat('t') && !in.eat(' ')) return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!in.digits(2, hour) || !in.eat(':') || !in.digits(2, minute)) return std::nullopt;
    if (in.eat(':') && !in.digits(2, second)) return std::nullopt;
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    result += hours{hour} + minutes{minute} + seconds{second};

    if (in.eat('.') || in.eat(',')) {
        // Any number of digits; keep microseconds and truncate the rest.
        std::int64_t micros = 0;
        std::size_t count = 0;
        while (is_digit(in.peek())) {
            if (count < 6) micros = micros * 10 + (in.peek() - '0');
            ++count;
            ++in.pos;
        }
        if (count == 0) return std::nullopt;
        for (std::size_t i = count; i < 6; ++i) micros *= 10;
        result += microseconds{micros};
    }

    if (in.eat('Z') || in.eat('z')) return in.done() ? std::optional(result) : std::nullopt;
    char sign = in.peek();
    if (sign != '+' && sign != '-') return std::nullopt;
    ++in.pos;
    int offset_hours = 0, offset_minutes = 0;
    if (!in.digits(2, offset_hours)) return std::nullopt;
    if (!in.done()) {
        in.eat(':');
        if (!in.digits(2, offset_minutes)) return std::nullopt;
    }
    if (!in.done() || offset_hours > 23 || offset_minutes > 59) return std::nullopt;
    auto offset = hours{offset_hours} + minutes{offset_minutes};
    // Local time = UTC + offset, so UTC = local - offset.
    result = sign == '+' ? result - offset : result + offset;
    // An offset may carry a date at the ends of the range into year -1 or 10000, which
    // format_timestamp cannot write as ISO-8601 (found by fuzzing: what we read, we must be
    // able to write back, e.g. into a credentials file).
    if (result < earliest || result > latest) return std::nullopt;
    return result;
}

}  // namespace

std::optional<Timestamp> try_parse_timestamp(std::string_view text) noexcept { return parse(text); }

Timestamp parse_timestamp(std::string_view text) {
    if (auto t = parse(text)) return *t;
    throw Error(make_error_code(Errc::invalid_argument),
                "not an ISO-8601 date-time: '" + std::string(text.substr(0, 64)) + "'");
}

std::string format_timestamp(Timestamp t) {
    auto day = floor<days>(t);
    year_month_day date{day};
    hh_mm_ss<microseconds> time{t - day};
    char buffer[40];
    int n = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d",
                          int(date.year()), unsigned(date.month()), unsigned(date.day()),
                          int(time.hours().count()), int(time.minutes().count()),
                          int(time.seconds().count()));
    std::string out(buffer, std::size_t(n));
    if (auto micros = time.subseconds().count(); micros != 0) {
        std::snprintf(buffer, sizeof buffer, ".%06lld", static_cast<long long>(micros));
        out += buffer;
    }
    out += 'Z';
    return out;
}

}  // namespace revolut
