// ISO-8601 durations as the API uses them (rotation expiry periods: P1D, PT12H, P0D).
#include <revolut/error.hpp>
#include <revolut/types.hpp>

namespace revolut {
namespace {

[[noreturn]] void bad_duration(std::string_view text, const char* why) {
    throw Error(make_error_code(Errc::invalid_argument),
                "not an ISO-8601 duration (" + std::string(why) + "): '" +
                    std::string(text.substr(0, 64)) + "'");
}

struct Unit {
    char letter;
    bool time_part;  // after the 'T'
    int rank;        // the order ISO 8601 writes them in
    std::int64_t seconds;
};
constexpr Unit units[] = {{'W', false, 0, 7 * 86400}, {'D', false, 1, 86400},
                          {'H', true, 2, 3600},        {'M', true, 3, 60},
                          {'S', true, 4, 1}};

}  // namespace

// Far beyond any expiry period. Each component is below about 10^10 weeks and appears at most
// once, so the sum cannot overflow before this check stops it.
constexpr std::int64_t max_total_seconds = 1'000'000'000'000'000;

std::chrono::seconds parse_duration(std::string_view text) {
    if (text.size() < 3 || text[0] != 'P') bad_duration(text, "expected e.g. P1D or PT12H");
    std::int64_t total = 0;
    bool in_time = false, any = false;
    int previous_rank = -1;  // units must come in order, each at most once: W D T H M S
    std::size_t i = 1;
    while (i < text.size()) {
        if (text[i] == 'T') {
            if (in_time) bad_duration(text, "second 'T'");
            in_time = true;
            ++i;
            // ISO 8601: a 'T' introduces at least one time component ("P1DT" is not a duration).
            if (i == text.size()) bad_duration(text, "'T' without hours, minutes or seconds");
            continue;
        }
        std::int64_t value = 0;
        std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (value > 1'000'000'000) bad_duration(text, "too large");
            value = value * 10 + (text[i] - '0');
            ++i;
        }
        if (i == start || i == text.size()) bad_duration(text, "number without unit");
        char unit = text[i++];
        if (!in_time && (unit == 'Y' || unit == 'M'))
            bad_duration(text, "years and months have no fixed length");
        const Unit* found = nullptr;
        for (const Unit& u : units)
            if (u.letter == unit && u.time_part == in_time) found = &u;
        if (found == nullptr) bad_duration(text, "unknown unit");
        if (found->rank <= previous_rank) bad_duration(text, "units repeated or out of order");
        previous_rank = found->rank;
        const std::int64_t scale = found->seconds;
        total += value * scale;
        if (total > max_total_seconds) bad_duration(text, "too large");
        any = true;
    }
    if (!any) bad_duration(text, "no components");
    return std::chrono::seconds{total};
}

std::string format_duration(std::chrono::seconds d) {
    if (d.count() < 0) throw Error(make_error_code(Errc::invalid_argument), "negative duration");
    std::int64_t s = d.count();
    if (s == 0) return "P0D";
    std::int64_t days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60,
                 seconds = s % 60;
    std::string out = "P";
    if (days) out += std::to_string(days) + "D";
    if (hours || minutes || seconds) {
        out += "T";
        if (hours) out += std::to_string(hours) + "H";
        if (minutes) out += std::to_string(minutes) + "M";
        if (seconds) out += std::to_string(seconds) + "S";
    }
    return out;
}

}  // namespace revolut
