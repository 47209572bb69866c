// Spend controls of cards and card invitations: building (with the spec's rules, so a bad
// value fails here instead of at Revolut) and reading.
#include "api/cards_controls.hpp"

#include "api/json_fields.hpp"
#include "json/exact_json.hpp"

#include <revolut/error.hpp>

#include <boost/json/value_from.hpp>

#include <algorithm>
#include <array>
#include <cstddef>

namespace revolut::api::card_controls {

namespace json = boost::json;

void invalid(const std::string& what) { throw Error(make_error_code(Errc::invalid_argument), what); }

std::string id_segment(const Uuid& id, std::string_view what) {
    if (id.is_nil()) invalid(std::string(what) + " must not be the nil UUID");
    return id.to_string();
}

namespace {

constexpr std::size_t max_label_length = 30;
constexpr std::size_t max_merchant_ids = 20;

bool all_upper(std::string_view text, std::size_t length) {
    return text.size() == length &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

template <class E>
std::string enum_text(const OpenEnum<E>& value, std::string_view what) {
    if (value.str().empty()) invalid(std::string(what) + " must not be empty");
    return std::string(value.str());
}

// One limit: a positive exact amount in an ISO 4217 currency.
json::value limit_json(const SpendingLimit& limit, std::string_view period) {
    if (limit.amount.signum() <= 0)
        invalid("spending limit '" + std::string(period) + "' must be a positive amount, got " +
                limit.amount.to_string());
    if (!all_upper(limit.currency, 3))
        invalid("spending limit '" + std::string(period) + "' currency must be an ISO 4217 code such as GBP");
    json::object o;
    o["amount"] = json::value_from(limit.amount);
    o["currency"] = limit.currency;
    return o;
}

struct LimitSlot {
    std::string_view name;
    bool periodic;
};
constexpr std::array<LimitSlot, 7> limit_slots{{{"single", false},
                                                {"day", true},
                                                {"week", true},
                                                {"month", true},
                                                {"quarter", true},
                                                {"year", true},
                                                {"all_time", true}}};

// Pointers to the seven limits, in limit_slots order (const when `l` is).
template <class Limits>
auto limit_fields(Limits& l) {
    return std::array{&l.single, &l.day, &l.week, &l.month, &l.quarter, &l.year, &l.all_time};
}

void check_one_periodic(std::size_t periodic) {
    if (periodic > 1)
        invalid("spending limits allow one periodic limit (day, week, month, quarter, year or all_time) at a time");
}

json::object limits_json(const SpendingLimits& limits) {
    json::object o;
    std::size_t periodic = 0;
    auto fields = limit_fields(limits);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!*fields[i]) continue;
        o[limit_slots[i].name] = limit_json(**fields[i], limit_slots[i].name);
        if (limit_slots[i].periodic) ++periodic;
    }
    check_one_periodic(periodic);
    if (o.empty()) invalid("spending_limits must set at least one limit");
    return o;
}

json::object limits_update_json(const SpendingLimitsUpdate& update) {
    json::object o;
    std::size_t periodic = 0;
    auto fields = limit_fields(update);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto& change = *fields[i];
        if (change.is_unset()) {
            o[limit_slots[i].name] = nullptr;
        } else if (const auto* limit = change.value()) {
            o[limit_slots[i].name] = limit_json(*limit, limit_slots[i].name);
            if (limit_slots[i].periodic) ++periodic;
        }
    }
    check_one_periodic(periodic);
    if (o.empty()) invalid("spending_limits update changes no limit (use revolut::unset to remove them all)");
    return o;
}

json::object period_json(const SpendingPeriod& period) {
    if (period.end_date.has_value() != period.end_date_action.has_value())
        invalid("spending_period: end_date and end_date_action go together");
    if (!period.start_date && !period.end_date)
        invalid("spending_period needs a start_date, or an end_date with its end_date_action");
    if (period.start_date && period.end_date && *period.end_date < *period.start_date)
        invalid("spending_period: end_date must not be before start_date");
    json::object o;
    if (period.start_date) o["start_date"] = format_date(*period.start_date);
    if (period.end_date) {
        o["end_date"] = format_date(*period.end_date);
        o["end_date_action"] = enum_text(*period.end_date_action, "spending_period.end_date_action");
    }
    return o;
}

json::object merchant_controls_json(const MerchantControls& controls) {
    if (controls.merchant_ids.empty() || controls.merchant_ids.size() > max_merchant_ids)
        invalid("merchant_controls needs 1 to 20 merchant_ids, got " + std::to_string(controls.merchant_ids.size()));
    json::object o;
    o["control_type"] = enum_text(controls.control_type, "merchant_controls.control_type");
    o["merchant_ids"] = uuid_array(controls.merchant_ids, "merchant_controls.merchant_ids");
    return o;
}

json::array categories_json(const std::vector<OpenEnum<MerchantCategory>>& categories) {
    json::array a;
    for (const auto& c : categories) a.emplace_back(enum_text(c, "merchant category"));
    return a;
}

json::array countries_json(const std::vector<std::string>& countries) {
    json::array a;
    for (const auto& c : countries) {
        if (!all_upper(c, 2)) invalid("countries must be ISO 3166 alpha-2 codes such as GB, got '" + c.substr(0, 10) + "'");
        a.emplace_back(c);
    }
    return a;
}

// The spec: categories cannot be combined with merchant controls of type `allow`.
void check_categories_with(std::size_t categories, const MerchantControls* controls) {
    if (categories > 0 && controls && controls->control_type == MerchantControlType::allow)
        invalid("categories cannot be set together with merchant_controls of type allow");
}

}  // namespace

// UTF-8 continuation bytes are not characters.
std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void check_label(const std::string& label) {
    auto n = code_points(label);
    if (n == 0 || n > max_label_length)
        invalid("label must be 1 to 30 characters, got " + std::to_string(n));
}

json::array uuid_array(const std::vector<Uuid>& ids, std::string_view what) {
    json::array a;
    for (const auto& id : ids) a.emplace_back(id_segment(id, what));
    return a;
}

void put_controls(json::object& body, const Controls& c) {
    if (c.label) {
        check_label(*c.label);
        body["label"] = *c.label;
    }
    if (c.spending_limits) body["spending_limits"] = limits_json(*c.spending_limits);
    if (c.spending_period) body["spending_period"] = period_json(*c.spending_period);
    check_categories_with(c.categories.size(), c.merchant_controls ? &*c.merchant_controls : nullptr);
    if (!c.categories.empty()) body["categories"] = categories_json(c.categories);
    if (c.merchant_controls) body["merchant_controls"] = merchant_controls_json(*c.merchant_controls);
    if (!c.countries.empty()) body["countries"] = countries_json(c.countries);
    if (!c.accounts.empty()) body["accounts"] = uuid_array(c.accounts, "accounts");
}

void put_update(json::object& body, const UpdateCardRequest& u) {
    if (u.label) {
        check_label(*u.label);
        body["label"] = *u.label;
    }
    if (u.spending_limits.is_unset()) body["spending_limits"] = nullptr;
    if (const auto* limits = u.spending_limits.value()) body["spending_limits"] = limits_update_json(*limits);
    if (u.spending_period.is_unset()) body["spending_period"] = nullptr;
    if (const auto* period = u.spending_period.value()) body["spending_period"] = period_json(*period);
    const auto* categories = u.categories.value();
    check_categories_with(categories ? categories->size() : 0, u.merchant_controls.value());
    if (u.categories.is_unset()) body["categories"] = nullptr;
    if (categories) body["categories"] = categories_json(*categories);
    if (u.merchant_controls.is_unset()) body["merchant_controls"] = nullptr;
    if (const auto* controls = u.merchant_controls.value())
        body["merchant_controls"] = merchant_controls_json(*controls);
    if (u.countries) body["countries"] = countries_json(*u.countries);
    if (u.accounts) body["accounts"] = uuid_array(*u.accounts, "accounts");
    if (body.empty()) invalid("the update changes nothing: set at least one setting");
}

// Reading.

namespace {

std::optional<SpendingLimit> read_limit(const json::object& limits, std::string_view key) {
    const auto* o = optional_object(limits, key);
    if (!o) return std::nullopt;
    return SpendingLimit{required_decimal(*o, "amount"), required_string(*o, "currency")};
}

}  // namespace

SpendingLimits read_spending_limits(const json::object& o) {
    SpendingLimits limits;
    auto fields = limit_fields(limits);
    for (std::size_t i = 0; i < fields.size(); ++i)
        *fields[i] = read_limit(o, limit_slots[i].name);
    return limits;
}

SpendingPeriod read_spending_period(const json::object& o) {
    return {optional_date(o, "start_date"), optional_date(o, "end_date"),
            optional_enum<SpendingPeriodEndAction>(o, "end_date_action")};
}

MerchantControls read_merchant_controls(const json::object& o) {
    return {required_enum<MerchantControlType>(o, "control_type"), read_uuids(o, "merchant_ids")};
}

CardReference read_reference(const json::value& v) {
    const auto& o = as_object(v, "references[]");
    return {required_string(o, "name"), required_string(o, "value")};
}

std::vector<OpenEnum<MerchantCategory>> read_categories(const json::object& o) {
    std::vector<OpenEnum<MerchantCategory>> out;
    for (const auto& name : string_array(o, "categories")) out.push_back(OpenEnum<MerchantCategory>::parse(name));
    return out;
}

std::vector<Uuid> read_uuids(const json::object& o, std::string_view key) {
    std::vector<Uuid> out;
    for (const auto& text : string_array(o, key)) {
        auto id = Uuid::try_parse(text);
        if (!id) throw_bad_field(key, "an array of UUIDs");
        out.push_back(*id);
    }
    return out;
}

std::optional<SpendProgram> read_spend_program(const json::object& o) {
    const auto* p = optional_object(o, "spend_program");
    if (!p) return std::nullopt;
    return SpendProgram{required_string(*p, "label")};
}

}  // namespace revolut::api::card_controls
