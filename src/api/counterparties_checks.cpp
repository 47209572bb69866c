#include "api/counterparties_checks.hpp"

#include <revolut/error.hpp>

#include <algorithm>
#include <cctype>

namespace revolut::api::field_checks {

void invalid(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), what);
}

bool blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' '; });
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::size_t letter_count(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        // A lead byte of a non-ASCII code point counts too: most of those are letters in names.
        if (std::isalpha(u) || u >= 0xC0) ++n;
    }
    return n;
}

bool valid_sort_code(std::string_view text) {
    if (text.size() == 6) return all_digits(text);
    return text.size() == 8 && text[2] == '-' && text[5] == '-' && all_digits(text.substr(0, 2)) &&
           all_digits(text.substr(3, 2)) && all_digits(text.substr(6, 2));
}

bool valid_iban(std::string_view text) {
    std::string iban;
    for (char c : text)
        if (c != ' ') iban.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (iban.size() < 15 || iban.size() > 34) return false;
    if (!std::isalpha(static_cast<unsigned char>(iban[0])) || !std::isalpha(static_cast<unsigned char>(iban[1])) ||
        !std::isdigit(static_cast<unsigned char>(iban[2])) || !std::isdigit(static_cast<unsigned char>(iban[3])))
        return false;
    // Move the first four characters to the end, letters become 10..35, the number mod 97 is 1.
    std::string rotated = iban.substr(4) + iban.substr(0, 4);
    unsigned remainder = 0;
    for (char c : rotated) {
        auto u = static_cast<unsigned char>(c);
        if (std::isdigit(u)) {
            remainder = (remainder * 10 + static_cast<unsigned>(u - '0')) % 97;
        } else if (std::isupper(u)) {
            remainder = (remainder * 100 + static_cast<unsigned>(u - 'A' + 10)) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

namespace {
bool upper_letters(std::string_view value, std::size_t size) {
    return value.size() == size &&
           std::all_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
}  // namespace

void require_country(std::string_view value, const char* field) {
    if (!upper_letters(value, 2))
        invalid(std::string(field) + " must be a 2-letter upper-case ISO 3166 country code");
}

void require_currency(std::string_view value, const char* field) {
    if (!upper_letters(value, 3))
        invalid(std::string(field) + " must be a 3-letter upper-case ISO 4217 currency code");
}

void require_range(long long value, long long min, long long max, const char* field) {
    if (value < min || value > max)
        invalid(std::string(field) + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                ", got " + std::to_string(value));
}

void require_positive(const Decimal& amount, const char* field) {
    if (amount.signum() <= 0) invalid(std::string(field) + " must be greater than 0, got " + amount.to_string());
}

void require_length(std::string_view value, std::size_t min, std::size_t max, const char* field) {
    if (value.size() < min || (max != 0 && value.size() > max))
        invalid(std::string(field) + " must be " + std::to_string(min) + " to " + std::to_string(max) +
                " characters, got " + std::to_string(value.size()));
}

}  // namespace revolut::api::field_checks
