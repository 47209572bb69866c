// Transactions: request building and input validation (nothing is sent when it fails).
#include <revolut/api/transactions.hpp>
#include <revolut/error.hpp>

#include "api/target.hpp"

#include <chrono>

namespace revolut::detail::transactions {

namespace http = boost::beast::http;
using api::make_target;

namespace {

constexpr int max_count = 1000;
// The spec's limit on a request_id search.
constexpr std::chrono::days request_id_window{14};

[[noreturn]] void invalid(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), what);
}

// A bound as the API reads it: a date stays a date, anything else is sent as UTC.
std::string bound_text(const TransactionTime& bound, const char* name) {
    if (const auto* date = std::get_if<Date>(&bound)) {
        if (!date->ok()) invalid(std::string(name) + " is not a valid date");
        return format_date(*date);
    }
    if (const auto* text = std::get_if<std::string>(&bound)) {
        if (auto date = try_parse_date(*text)) return format_date(*date);
        auto t = try_parse_timestamp(*text);
        if (!t) invalid(std::string(name) + " must be an ISO-8601 date or date-time, got '" + text->substr(0, 100) + "'");
        return format_timestamp(*t);
    }
    return format_timestamp(std::get<Timestamp>(bound));
}

}  // namespace

Timestamp time_of(const TransactionTime& bound) {
    if (const auto* t = std::get_if<Timestamp>(&bound)) return *t;
    if (const auto* date = std::get_if<Date>(&bound)) {
        if (!date->ok()) invalid("not a valid date");
        return std::chrono::sys_days(*date);
    }
    const auto& text = std::get<std::string>(bound);
    if (auto date = try_parse_date(text)) return std::chrono::sys_days(*date);
    auto t = try_parse_timestamp(text);
    if (!t) invalid("expected an ISO-8601 date or date-time, got '" + text.substr(0, 100) + "'");
    return *t;
}

ApiRequest get_all_transactions(const TransactionsQuery& query) {
    api::QueryParams params;
    if (query.from) params.emplace_back("from", bound_text(*query.from, "from"));
    if (query.to) params.emplace_back("to", bound_text(*query.to, "to"));
    if (query.from && query.to && time_of(*query.to) < time_of(*query.from))
        invalid("to must not be before from");
    if (query.account) {
        if (query.account->is_nil()) invalid("account must not be the nil UUID");
        params.emplace_back("account", query.account->to_string());
    }
    if (query.count) {
        if (*query.count < 1 || *query.count > max_count)
            invalid("count must be between 1 and 1000, got " + std::to_string(*query.count));
        params.emplace_back("count", std::to_string(*query.count));
    }
    if (query.type) {
        if (query.type->str().empty()) invalid("type must not be empty");
        params.emplace_back("type", std::string(query.type->str()));
    }
    if (query.request_id) {
        if (query.request_id->empty() || query.request_id->size() > 40)
            invalid("request_id must be 1 to 40 characters");
        // The API refuses a request_id search without `from` or over more than 14 days.
        if (!query.from) invalid("a request_id search needs from");
        if (query.to && time_of(*query.to) - time_of(*query.from) > request_id_window)
            invalid("a request_id search may span at most 14 days");
        params.emplace_back("request_id", *query.request_id);
    }
    for (const auto& state : query.states) {
        if (state.str().empty()) invalid("state must not be empty");
        params.emplace_back("state", std::string(state.str()));
    }
    return {http::verb::get, make_target({"1.0", "transactions"}, params), {}};
}

ApiRequest get_transaction(const std::optional<std::string>& transaction_id,
                           const std::optional<std::string>& request_id) {
    if (transaction_id.has_value() == request_id.has_value())
        invalid("get_transaction needs exactly one of transaction_id and request_id");
    if (transaction_id) {
        if (transaction_id->empty()) invalid("transaction_id must not be empty");
        return {http::verb::get, make_target({"1.0", "transaction", *transaction_id}), {}};
    }
    if (request_id->empty() || request_id->size() > 40) invalid("request_id must be 1 to 40 characters");
    return {http::verb::get, make_target({"1.0", "transaction", *request_id}, {{"id_type", "request_id"}}), {}};
}

}  // namespace revolut::detail::transactions
