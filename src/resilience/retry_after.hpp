#pragma once
// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.

#include <chrono>
#include <optional>
#include <string_view>

namespace revolut::resilience {

/// How long the server asks us to wait, measured from `now` for an HTTP-date (a date in the
/// past means zero). Accepts delay-seconds ("120") and the three HTTP-date forms: IMF-fixdate
/// ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime
/// ("Sun Nov  6 08:49:37 1994"). nullopt for anything else (the header is then ignored).
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace revolut::resilience
