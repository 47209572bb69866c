#include "mock/card_store.hpp"

#include "mock/json_responses.hpp"

#include <revolut/money.hpp>

#include <boost/json/value.hpp>

#include <array>
#include <charconv>
#include <chrono>
#include <random>

namespace revolut::mock {

namespace json = boost::json;

namespace {

constexpr std::int64_t validation_error = 3000;
constexpr std::int64_t parameter_error = 2101;
constexpr std::int64_t forbidden = 9002;
constexpr std::size_t max_label_length = 30;
constexpr std::size_t max_merchant_ids = 20;
constexpr std::chrono::hours idempotency_window{24};

constexpr std::array<std::string_view, 7> limit_names{"single", "day", "week", "month", "quarter", "year", "all_time"};
constexpr std::array<std::string_view, 20> category_names{
    "health",   "general",   "services", "airlines",      "transport", "accommodation", "utilities",
    "shopping", "financial", "furniture", "hardware",     "groceries", "fuel",          "entertainment",
    "software", "restaurants", "advertising", "cash",     "education", "government"};

RuleError bad(std::int64_t code, std::string message) { return RuleError{400, code, std::move(message)}; }

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view text) {
    return std::find(names.begin(), names.end(), text) != names.end();
}

bool upper_letters(std::string_view text, std::size_t length) {
    return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Date today(Timestamp now) { return Date{std::chrono::floor<std::chrono::days>(now)}; }

std::optional<RuleError> read_limit(std::string_view name, const json::value& value, json::object& limits) {
    const auto* limit = value.if_object();
    const json::value* amount = limit ? limit->if_contains("amount") : nullptr;
    const json::value* currency = limit ? limit->if_contains("currency") : nullptr;
    auto decimal = amount ? decimal_from_json(*amount) : std::nullopt;
    const auto* code = currency ? plain_string(*currency) : nullptr;
    if (!decimal || !code) return bad(validation_error, "spending_limits." + std::string(name) + " needs amount and currency");
    if (decimal->signum() <= 0) return bad(validation_error, "spending_limits." + std::string(name) + ".amount must be positive");
    if (!upper_letters(*code, 3))
        return bad(validation_error, "spending_limits." + std::string(name) + ".currency must be an ISO 4217 code");
    limits[name] = json::object{{"amount", *amount}, {"currency", *code}};
    return std::nullopt;
}

std::optional<RuleError> read_limits(const json::object& given, bool update, json::object& limits) {
    if (!update) limits.clear();
    for (const auto& [key, value] : given) {
        if (!one_of(limit_names, key)) return bad(validation_error, "Unknown spending limit '" + std::string(key) + "'");
        if (value.is_null()) {
            limits.erase(key);
        } else if (auto error = read_limit(key, value, limits)) {
            return error;
        }
    }
    std::size_t periodic = 0;
    for (const auto& [key, value] : limits)
        if (key != "single") ++periodic;
    if (periodic > 1) return bad(validation_error, "Only one periodic limit can be specified");
    return std::nullopt;
}

std::optional<RuleError> read_date(const json::object& o, std::string_view key, std::optional<Date>& date) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    const auto* text = plain_string(*v);
    if (text) date = try_parse_date(*text);
    if (!date) return bad(validation_error, "Invalid value for 'spending_period." + std::string(key) + "': expected YYYY-MM-DD");
    return std::nullopt;
}

std::optional<RuleError> read_period(const json::object& given, Timestamp now, json::object& period) {
    std::optional<Date> start, end;
    if (auto error = read_date(given, "start_date", start)) return error;
    if (auto error = read_date(given, "end_date", end)) return error;
    std::optional<std::string> action;
    if (const auto* v = given.if_contains("end_date_action"); v && !v->is_null()) {
        const auto* text = plain_string(*v);
        if (!text || (*text != "lock" && *text != "terminate"))
            return bad(validation_error, "spending_period.end_date_action must be lock or terminate");
        action = std::string(*text);
    }
    if (!start && !end) return bad(validation_error, "At least one of start_date or end_date must be present");
    if (end.has_value() != action.has_value())
        return bad(validation_error, "end_date and end_date_action must be either both present or both empty");
    if (start && *start <= today(now)) return bad(parameter_error, "Spending period start_date must be in the future");
    if (end && *end <= today(now)) return bad(parameter_error, "Spending period end_date must be in the future");
    if (start && end && *end < *start)
        return bad(validation_error, "end_date must be at or after " + format_date(*start) + ", but is " + format_date(*end));
    period.clear();
    if (start) period["start_date"] = format_date(*start);
    if (end) {
        period["end_date"] = format_date(*end);
        period["end_date_action"] = *action;
    }
    return std::nullopt;
}

std::optional<RuleError> read_strings(const json::value& value, std::string_view field, json::array& out,
                                      bool (*valid)(std::string_view), std::string_view expected) {
    const auto* array = value.if_array();
    if (!array) return bad(validation_error, "'" + std::string(field) + "' must be an array");
    json::array result;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto* text = plain_string((*array)[i]);
        if (!text || !valid(*text))
            return bad(validation_error, "Invalid value for '" + std::string(field) + "[" + std::to_string(i) +
                                             "]': expected " + std::string(expected) + ".");
        result.emplace_back(*text);
    }
    out = std::move(result);
    return std::nullopt;
}

bool is_category(std::string_view text) { return one_of(category_names, text); }
bool is_country(std::string_view text) { return upper_letters(text, 2); }
bool is_uuid(std::string_view text) { return Uuid::try_parse(text).has_value(); }

std::optional<RuleError> read_merchant_controls(const json::value& value, json::object& out) {
    const auto* o = value.if_object();
    const auto* type = o ? o->if_contains("control_type") : nullptr;
    const auto* type_text = type ? plain_string(*type) : nullptr;
    if (!type_text || (*type_text != "block" && *type_text != "allow"))
        return bad(validation_error, "merchant_controls.control_type must be block or allow");
    const auto* ids = o->if_contains("merchant_ids");
    if (!ids || !ids->is_array() || ids->get_array().empty()) return bad(validation_error, "merchant_ids is empty");
    if (ids->get_array().size() > max_merchant_ids)
        return bad(validation_error, "merchant_ids must not have more than 20 items");
    json::array merchants;
    if (auto error = read_strings(*ids, "merchant_controls.merchant_ids", merchants, is_uuid, "a UUID")) return error;
    out = json::object{{"control_type", *type_text}, {"merchant_ids", std::move(merchants)}};
    return std::nullopt;
}

std::optional<RuleError> read_accounts(const json::value& value, const AccountStore& accounts, json::array& out) {
    json::array ids;
    if (auto error = read_strings(value, "accounts", ids, is_uuid, "a UUID")) return error;
    std::string unknown;
    for (const auto& id : ids)
        if (!accounts.find(Uuid(id.get_string()))) unknown += (unknown.empty() ? "" : ", ") + std::string(id.get_string());
    if (!unknown.empty()) return bad(parameter_error, "Invalid account ids provided=[" + unknown + "]");
    out = std::move(ids);
    return std::nullopt;
}

json::array every_account(const AccountStore& accounts) {
    json::array ids;
    for (const auto& account : accounts.all()) ids.emplace_back(account.id.to_string());
    return ids;
}

constexpr std::array<std::string_view, 7> control_fields{"label",     "spending_limits", "spending_period", "categories",
                                                        "merchant_controls", "countries", "accounts"};

std::string random_digits(std::size_t n) {
    static thread_local std::mt19937_64 engine{std::random_device{}()};
    std::uniform_int_distribution<int> digit(0, 9);
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + digit(engine)));
    return out;
}

// A Visa-like test number whose last digit makes the Luhn check pass.
std::string new_pan() {
    std::string pan = "4" + random_digits(14);
    int sum = 0;
    for (std::size_t i = 0; i < pan.size(); ++i) {
        int d = pan[pan.size() - 1 - i] - '0';
        if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return pan + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string expiry_in_five_years(Timestamp now) {
    Date d = today(now);
    auto month = static_cast<unsigned>(d.month());
    auto year = static_cast<int>(d.year()) + 5;
    return (month < 10 ? "0" : "") + std::to_string(month) + "/" + std::to_string(year);
}

RuleError state_forbids(std::string message) { return RuleError{403, forbidden, std::move(message)}; }

}  // namespace

std::size_t text_length(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Response rule_response(const RuleError& error) {
    const auto status = static_cast<boost::beast::http::status>(error.status);
    if (error.code) return error_response(status, *error.code, error.message);
    return json_response(status, json::object{{"message", error.message}});
}

std::variant<CreatedBeforePage, RuleError> read_created_before_page(const std::optional<std::string>& created_before,
                                                                    const std::optional<std::string>& limit,
                                                                    Timestamp now, std::size_t max_limit) {
    CreatedBeforePage page{now, 100};
    if (limit) {
        const char* end = limit->data() + limit->size();
        auto [ptr, ec] = std::from_chars(limit->data(), end, page.limit);
        if (ec != std::errc{} || ptr != end || page.limit < 1 || page.limit > max_limit)
            return bad(parameter_error,
                       "Parameter limit must be a valid integer in range: [1, " + std::to_string(max_limit) + "].");
    }
    if (created_before) {
        auto parsed = try_parse_timestamp(*created_before);
        if (!parsed) return bad(parameter_error, "Parameter created_before must be a valid timestamp");
        page.before = *parsed;
    }
    return page;
}

std::optional<RuleError> apply_controls(const json::object& body, bool update, const AccountStore& accounts,
                                        Timestamp now, CardControls& controls) {
    CardControls next = controls;
    // In a create request a null is "not given"; in an update it erases the setting.
    auto given = [&](std::string_view key) -> const json::value* {
        const auto* v = body.if_contains(key);
        return v && (update || !v->is_null()) ? v : nullptr;
    };
    if (const auto* v = given("label")) {
        const auto* text = plain_string(*v);
        if (v->is_null()) next.label.reset();
        else if (!text || text_length(*text) == 0 || text_length(*text) > max_label_length)
            return bad(validation_error, "Card label cannot contain more than 30 characters");
        else next.label = std::string(*text);
    }
    if (const auto* v = given("spending_limits")) {
        if (v->is_null()) next.spending_limits.clear();
        else if (!v->is_object()) return bad(validation_error, "'spending_limits' must be an object");
        else if (auto error = read_limits(v->get_object(), update, next.spending_limits)) return error;
    }
    if (const auto* v = given("spending_period")) {
        json::object period;
        if (v->is_null()) next.spending_period.reset();
        else if (!v->is_object()) return bad(validation_error, "'spending_period' must be an object");
        else if (auto error = read_period(v->get_object(), now, period)) return error;
        else next.spending_period = std::move(period);
    }
    if (const auto* v = given("categories")) {
        if (v->is_null()) next.categories.clear();
        else if (auto error = read_strings(*v, "categories", next.categories, is_category, "a merchant category"))
            return error;
    }
    if (const auto* v = given("merchant_controls")) {
        json::object merchants;
        if (v->is_null()) next.merchant_controls.reset();
        else if (auto error = read_merchant_controls(*v, merchants)) return error;
        else next.merchant_controls = std::move(merchants);
    }
    if (const auto* v = given("countries")) {
        if (v->is_null()) next.countries.clear();
        else if (auto error = read_strings(*v, "countries", next.countries, is_country,
                                           "a 2-letter ISO country code (e.g. 'US')"))
            return error;
    }
    if (const auto* v = given("accounts")) {
        if (v->is_null()) next.accounts = every_account(accounts);
        else if (auto error = read_accounts(*v, accounts, next.accounts)) return error;
    }
    if (!update && next.accounts.empty()) next.accounts = every_account(accounts);  // default: all linked
    if (!next.categories.empty() && next.merchant_controls &&
        next.merchant_controls->at("control_type").get_string() == "allow")
        return bad(parameter_error,
                   "Allowed merchant categories must be empty when merchant controls of type ALLOW is present");
    controls = std::move(next);
    return std::nullopt;
}

bool has_control_fields(const json::object& body) {
    return std::any_of(control_fields.begin(), control_fields.end(),
                       [&](std::string_view key) { return body.contains(key); });
}

void write_controls(json::object& out, const CardControls& c) {
    if (c.label) out["label"] = *c.label;
    if (!c.spending_limits.empty()) out["spending_limits"] = c.spending_limits;
    if (c.spending_period) out["spending_period"] = *c.spending_period;
    if (!c.categories.empty()) out["categories"] = c.categories;
    if (c.merchant_controls) out["merchant_controls"] = *c.merchant_controls;
    if (!c.countries.empty()) out["countries"] = c.countries;
    out["accounts"] = c.accounts;
}

bool starts_in_future(const std::optional<json::object>& period, Timestamp now) {
    if (!period) return false;
    const auto* start = period->if_contains("start_date");
    if (!start) return false;
    auto date = try_parse_date(start->get_string());
    return date && *date > today(now);
}

StoredCard* CardStore::find(const Uuid& id) {
    auto it = std::find_if(cards_.begin(), cards_.end(), [&](const StoredCard& c) { return c.id == id; });
    return it == cards_.end() ? nullptr : &*it;
}

StoredCard* CardStore::find_by_request_id(const std::string& request_id, Timestamp now) {
    auto it = std::find_if(cards_.begin(), cards_.end(), [&](const StoredCard& c) {
        return c.request_id == request_id && now - c.created_at < idempotency_window;
    });
    return it == cards_.end() ? nullptr : &*it;
}

StoredCard& CardStore::add(StoredCard card, Timestamp now) {
    if (card.id.is_nil()) card.id = Uuid::random();
    if (card.pan.empty()) card.pan = new_pan();
    if (card.cvv.empty()) card.cvv = random_digits(3);
    if (card.expiry.empty()) card.expiry = expiry_in_five_years(now);
    if (card.created_at == Timestamp{}) card.created_at = now;
    if (card.updated_at == Timestamp{}) card.updated_at = card.created_at;
    cards_.push_back(std::move(card));
    return cards_.back();
}

bool CardStore::remove(const Uuid& id) {
    auto it = std::find_if(cards_.begin(), cards_.end(), [&](const StoredCard& c) { return c.id == id; });
    if (it == cards_.end()) return false;
    cards_.erase(it);
    return true;
}

std::optional<RuleError> CardStore::freeze(StoredCard& card, Timestamp now) {
    if (card.state != "active") return state_forbids("Card is " + card.state);
    card.state = "frozen";
    card.updated_at = now;
    return std::nullopt;
}

std::optional<RuleError> CardStore::unfreeze(StoredCard& card, Timestamp now) {
    if (card.state != "frozen") return state_forbids("Card is " + card.state);
    card.state = "active";
    card.updated_at = now;
    return std::nullopt;
}

std::optional<RuleError> CardStore::lock(StoredCard& card, Timestamp now) {
    if (card.state == "locked") return state_forbids("Card is already locked");
    card.state = "locked";
    card.lock_reason = LockReason::admin;
    card.updated_at = now;
    return std::nullopt;
}

std::optional<RuleError> CardStore::unlock(StoredCard& card, Timestamp now) {
    if (card.state != "locked") return state_forbids("Card is not locked");
    if (card.lock_reason == LockReason::spending_period) card.controls.spending_period.reset();
    card.state = "active";
    card.lock_reason = LockReason::none;
    card.updated_at = now;
    return std::nullopt;
}

void CardStore::apply_spending_period(StoredCard& card, Timestamp now) {
    const bool waiting = starts_in_future(card.controls.spending_period, now);
    if (waiting && card.state == "active") {
        card.state = "locked";
        card.lock_reason = LockReason::spending_period;
    } else if (!waiting && card.state == "locked" && card.lock_reason == LockReason::spending_period) {
        card.state = "active";
        card.lock_reason = LockReason::none;
    }
}

json::object card_json(const StoredCard& card) {
    json::object o;
    o["id"] = card.id.to_string();
    if (card.holder_id) o["holder_id"] = card.holder_id->to_string();
    if (!card.contact_ids.empty()) {
        json::array contacts;
        for (const auto& id : card.contact_ids) contacts.emplace_back(id.to_string());
        o["contact_ids"] = std::move(contacts);
    }
    o["created_at"] = format_timestamp(card.created_at);
    o["updated_at"] = format_timestamp(card.updated_at);
    if (card.product_code) o["product"] = json::object{{"code", *card.product_code}};
    o["virtual"] = card.is_virtual;
    o["last_digits"] = card.pan.substr(card.pan.size() - 4);
    o["expiry"] = card.expiry;
    if (!card.references.empty()) {
        json::array references;
        for (const auto& [name, value] : card.references) references.push_back(json::object{{"name", name}, {"value", value}});
        o["references"] = std::move(references);
    }
    o["state"] = card.state;
    if (card.state == "locked") o["can_be_unlocked"] = true;
    write_controls(o, card.controls);
    return o;
}

}  // namespace revolut::mock
