// Calendar dates in the API's `YYYY-MM-DD` form.
#include <revolut/error.hpp>
#include <revolut/types.hpp>

#include <cstdio>

namespace revolut {

std::optional<Date> try_parse_date(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t count) -> int {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    Date date{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
              std::chrono::day(static_cast<unsigned>(d))};
    if (!date.ok()) return std::nullopt;
    return date;
}

Date parse_date(std::string_view text) {
    auto date = try_parse_date(text);
    if (!date)
        throw Error(make_error_code(Errc::invalid_argument),
                    "not a YYYY-MM-DD date: '" + std::string(text.substr(0, 64)) + "'");
    return *date;
}

std::string format_date(Date d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buffer;
}

}  // namespace revolut
