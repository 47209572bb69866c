// Shared pieces of the Counterparties, Payment drafts and Payout links routes (see
// counterparty_routes.hpp).

#include "mock/counterparty_routes.hpp"
#include "mock/json_responses.hpp"

#include <revolut/error.hpp>

#include <algorithm>
#include <charconv>

namespace revolut::mock::g3 {

namespace http = boost::beast::http;
namespace json = boost::json;

Response error(http::status status, std::int64_t code, std::string_view message) {
    return error_response(status, code, message);
}

Response error_with_id(http::status status, std::int64_t code, std::string_view message) {
    json::object body{{"error_id", Uuid::random().to_string()}, {"code", code}, {"message", message}};
    return json_response(status, body);
}

std::variant<PageParams, Response> read_page_params(const RouteContext& ctx, std::size_t max_limit) {
    PageParams params;
    params.created_before = ctx.now;
    if (auto text = ctx.query_param("limit")) {
        const char* end = text->data() + text->size();
        auto [ptr, ec] = std::from_chars(text->data(), end, params.limit);
        if (ec != std::errc{} || ptr != end || params.limit < 1 || params.limit > max_limit) {
            return error(http::status::bad_request, parameter_error,
                         "limit must be between 1 and " + std::to_string(max_limit));
        }
    }
    if (auto text = ctx.query_param("created_before")) {
        auto parsed = try_parse_timestamp(*text);
        if (!parsed) {
            return error(http::status::bad_request, parameter_error,
                         "Parameter created_before must be a valid timestamp");
        }
        params.created_before = *parsed;
    }
    return params;
}

std::optional<std::string> string_field(const json::object& body, std::string_view key, bool& bad) {
    const auto* value = body.if_contains(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    const auto* text = plain_string(*value);
    if (text == nullptr) {
        bad = true;
        return std::nullopt;
    }
    return std::string(*text);
}

std::variant<std::optional<std::string>, Response> read_string(const json::object& body, std::string_view key,
                                                               bool with_error_id) {
    bool bad = false;
    auto value = string_field(body, key, bad);
    if (bad) {
        const std::string message = "'" + std::string(key) + "' must be a string";
        return with_error_id ? error_with_id(http::status::bad_request, validation_error, message)
                             : error(http::status::bad_request, validation_error, message);
    }
    return value;
}

namespace {
bool upper(std::string_view text, std::size_t size) {
    return text.size() == size && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
}  // namespace

bool is_country_code(std::string_view text) { return upper(text, 2); }
bool is_currency_code(std::string_view text) { return upper(text, 3); }

bool is_digits(std::string_view text, std::size_t min, std::size_t max) {
    return text.size() >= min && text.size() <= max &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_valid_iban(std::string_view iban) {
    if (iban.size() < 15 || iban.size() > 34 || !upper(iban.substr(0, 2), 2) || !is_digits(iban.substr(2, 2), 2, 2))
        return false;
    // The first four characters move to the end; letters count as 10..35.
    unsigned remainder = 0;
    for (char c : std::string(iban.substr(4)) + std::string(iban.substr(0, 4))) {
        if (c >= '0' && c <= '9') remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
        else if (c >= 'A' && c <= 'Z') remainder = (remainder * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
        else return false;
    }
    return remainder == 1;
}

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string without(std::string_view text, char drop) {
    std::string out;
    for (char c : text)
        if (c != drop) out.push_back(c);
    return out;
}

void refuse_seed(std::string_view kind, const Response& refusal) {
    throw Error(make_error_code(Errc::invalid_argument),
                "seed " + std::string(kind) + ": " + std::string(refusal.body()));
}

Timestamp seed_created_at(const json::object& data, Timestamp now) {
    const auto* value = data.if_contains("created_at");
    if (value == nullptr || value->is_null()) return now;
    const auto* text = plain_string(*value);
    if (text == nullptr) throw Error(make_error_code(Errc::invalid_argument), "created_at must be a string");
    return parse_timestamp(*text);
}

}  // namespace revolut::mock::g3
