#pragma once
// Input checks shared by the money-moving builders (transfers, foreign exchange): refused
// with Errc::invalid_argument before anything is sent.

#include <revolut/error.hpp>
#include <revolut/money.hpp>
#include <revolut/types.hpp>

#include <string>
#include <string_view>

namespace revolut::api {

[[noreturn]] inline void invalid_argument(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), what);
}

/// ISO 4217: three upper-case letters.
inline void require_currency(std::string_view currency, std::string_view name) {
    bool ok = currency.size() == 3;
    for (char c : currency) ok = ok && c >= 'A' && c <= 'Z';
    if (!ok)
        invalid_argument(std::string(name) + " must be an ISO 4217 code such as GBP, got '" +
                         std::string(currency.substr(0, 20)) + "'");
}

inline void require_positive(const Decimal& amount, std::string_view name) {
    if (amount.signum() <= 0)
        invalid_argument(std::string(name) + " must be greater than 0, got " + amount.to_string());
}

inline std::string id_text(const Uuid& id, std::string_view name) {
    if (id.is_nil()) invalid_argument(std::string(name) + " must not be the nil UUID");
    return id.to_string();
}

inline void require_max_length(std::string_view text, std::size_t max, std::string_view name) {
    if (text.size() > max)
        invalid_argument(std::string(name) + " must be at most " + std::to_string(max) + " characters");
}

}  // namespace revolut::api
