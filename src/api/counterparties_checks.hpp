#pragma once
// Input checks shared by the Counterparties, Payment drafts and Payout links request
// builders: each throws revolut::Error(Errc::invalid_argument) naming the field.

#include <revolut/money.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace revolut::api::field_checks {

[[noreturn]] void invalid(const std::string& what);

/// Empty or only spaces.
bool blank(std::string_view text);
/// Non-empty and only ASCII digits.
bool all_digits(std::string_view text);
/// Letters (ASCII, or any non-ASCII byte sequence counted once per code point).
std::size_t letter_count(std::string_view text);
/// `540105` or `54-01-05`.
bool valid_sort_code(std::string_view text);
/// ISO 13616: country letters, check digits, 11..30 alphanumerics, mod-97 == 1 (spaces allowed).
bool valid_iban(std::string_view text);

/// Two upper-case letters (ISO 3166 alpha-2).
void require_country(std::string_view value, const char* field);
/// Three upper-case letters (ISO 4217).
void require_currency(std::string_view value, const char* field);
void require_range(long long value, long long min, long long max, const char* field);
/// `amount` > 0.
void require_positive(const Decimal& amount, const char* field);
/// 1..max characters (max 0: no upper bound).
void require_length(std::string_view value, std::size_t min, std::size_t max, const char* field);

}  // namespace revolut::api::field_checks
