#pragma once
// Pieces shared by the Counterparties, Payment drafts and Payout links routes: query
// parameters of the created_before/limit lists, request-body fields, and the error bodies
// (the spec's `Error` and `ErrorWithId`).

#include "mock/http_message.hpp"
#include "mock/router.hpp"

#include <revolut/types.hpp>

#include <boost/beast/http/status.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace revolut::mock::g3 {

constexpr std::int64_t validation_error = 3000;  // bad or missing body field
constexpr std::int64_t parameter_error = 2101;   // bad query parameter
constexpr std::int64_t not_found_code = 3006;    // "Resource not found"

/// {"code", "message"} (spec `Error`).
Response error(boost::beast::http::status status, std::int64_t code, std::string_view message);
/// {"error_id", "code", "message"} (spec `ErrorWithId`).
Response error_with_id(boost::beast::http::status status, std::int64_t code, std::string_view message);

/// A created_before/limit page request: `limit` 1..max (default 100), `created_before`
/// exclusive (default: now). A 400 (code 2101) for bad values.
struct PageParams {
    Timestamp created_before;
    std::size_t limit = 100;
};
std::variant<PageParams, Response> read_page_params(const RouteContext& ctx, std::size_t max_limit);

/// A string field of a request body: nullopt when absent or null, `bad` set when present but
/// not a string (exact-number strings are not strings).
std::optional<std::string> string_field(const boost::json::object& body, std::string_view key, bool& bad);
/// Like string_field, reporting a bad type as "'<key>' must be a string".
std::variant<std::optional<std::string>, Response> read_string(const boost::json::object& body,
                                                               std::string_view key,
                                                               bool with_error_id = false);

/// True for 2 upper-case letters / 3 upper-case letters.
bool is_country_code(std::string_view text);
bool is_currency_code(std::string_view text);
/// min..max ASCII digits.
bool is_digits(std::string_view text, std::size_t min, std::size_t max);
/// ISO 13616: country letters, check digits, 11..30 alphanumerics, mod 97 == 1 (no spaces).
bool is_valid_iban(std::string_view iban);
std::string to_lower(std::string_view text);
/// `text` without any `drop` character.
std::string without(std::string_view text, char drop);

/// Seeding helpers: throw revolut::Error(Errc::invalid_argument) with the refusal's message.
[[noreturn]] void refuse_seed(std::string_view kind, const Response& refusal);
/// `created_at` of seed data, or `now`.
Timestamp seed_created_at(const boost::json::object& data, Timestamp now);

/// GET /counterparties/countries, GET /counterparties/fields, POST /account-name-validation.
void add_counterparty_lookup_routes(Router& router);

}  // namespace revolut::mock::g3
