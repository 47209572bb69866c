// Fuzzes the ISO-8601 readers used on API responses, webhook bodies and credentials files:
// parse_timestamp / try_parse_timestamp and parse_duration.
// Input: the text. Invariants: the throwing and non-throwing readers agree; whatever parses
// formats to text that parses back to the same value (what we write, we can read).

#include "fuzz_support.hpp"

#include <revolut/error.hpp>
#include <revolut/types.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace revolut;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto t = try_parse_timestamp(text);
    try {
        FUZZ_CHECK(parse_timestamp(text) == t);
    } catch (const Error& e) {
        FUZZ_CHECK(!t && e.code() == Errc::invalid_argument);
    }
    if (t) {
        const std::string formatted = format_timestamp(*t);
        FUZZ_CHECK(try_parse_timestamp(formatted) == t);
    }

    try {
        const auto d = parse_duration(text);
        FUZZ_CHECK(d.count() >= 0);
        const std::string formatted = format_duration(d);
        FUZZ_CHECK(parse_duration(formatted) == d);
    } catch (const Error& e) {
        FUZZ_CHECK(e.code() == Errc::invalid_argument);
    }
    return 0;
}
