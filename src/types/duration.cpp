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

}  // namespace

std::chrono::seconds parse_duration(std::string_view text) {
    if (text.size() < 3 || text[0] != 'P') bad_duration(text, "expected e.g. P1D or PT12H");
    std::int64_t total = 0;
    bool in_time = false, any = false;
    std::size_t i = 1;
    while (i < text.size()) {
        if (text[i] == 'T') {
            if (in_time) bad_duration(text, "second 'T'");
            in_time = true;
            ++i;
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
        std::int64_t scale = 0;
        if (!in_time && unit == 'W') scale = 7 * 86400;
        else if (!in_time && unit == 'D') scale = 86400;
        else if (in_time && unit == 'H') scale = 3600;
        else if (in_time && unit == 'M') scale = 60;
        else if (in_time && unit == 'S') scale = 1;
        else if (!in_time && (unit == 'Y' || unit == 'M'))
            bad_duration(text, "years and months have no fixed length");
        else bad_duration(text, "unknown unit");
        total += value * scale;
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
