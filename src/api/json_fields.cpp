#include "api/json_fields.hpp"

#include <revolut/error.hpp>

namespace revolut::api {

namespace json = boost::json;

void throw_bad_field(std::string_view field, std::string_view expected) {
    throw Error(make_error_code(Errc::invalid_response),
                "unexpected response: field '" + std::string(field) + "' should be " + std::string(expected));
}

const json::object& as_object(const json::value& v, std::string_view what) {
    if (!v.is_object()) throw_bad_field(what, "an object");
    return v.get_object();
}

namespace {
const json::value* present(const json::object& o, std::string_view key) {
    auto* v = o.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
}
}  // namespace

std::optional<std::string> optional_string(const json::object& o, std::string_view key) {
    auto* v = present(o, key);
    if (!v) return std::nullopt;
    if (!v->is_string()) throw_bad_field(key, "a string");
    return std::string(v->get_string());
}

std::string required_string(const json::object& o, std::string_view key) {
    auto s = optional_string(o, key);
    if (!s) throw_bad_field(key, "present");
    return std::move(*s);
}

std::optional<Uuid> optional_uuid(const json::object& o, std::string_view key) {
    auto s = optional_string(o, key);
    if (!s) return std::nullopt;
    auto id = Uuid::try_parse(*s);
    if (!id) throw_bad_field(key, "a UUID");
    return id;
}

Uuid required_uuid(const json::object& o, std::string_view key) {
    auto id = optional_uuid(o, key);
    if (!id) throw_bad_field(key, "present");
    return *id;
}

std::optional<Timestamp> optional_timestamp(const json::object& o, std::string_view key) {
    auto s = optional_string(o, key);
    if (!s) return std::nullopt;
    auto t = try_parse_timestamp(*s);
    if (!t) throw_bad_field(key, "an ISO-8601 date-time");
    return t;
}

Timestamp required_timestamp(const json::object& o, std::string_view key) {
    auto t = optional_timestamp(o, key);
    if (!t) throw_bad_field(key, "present");
    return *t;
}

const json::array& required_array(const json::object& o, std::string_view key) {
    auto* v = present(o, key);
    if (!v || !v->is_array()) throw_bad_field(key, "an array");
    return v->get_array();
}

const json::object& required_object(const json::object& o, std::string_view key) {
    auto* v = present(o, key);
    if (!v || !v->is_object()) throw_bad_field(key, "an object");
    return v->get_object();
}

std::optional<Date> optional_date(const json::object& o, std::string_view key) {
    auto s = optional_string(o, key);
    if (!s) return std::nullopt;
    auto d = try_parse_date(*s);
    if (!d) throw_bad_field(key, "a YYYY-MM-DD date");
    return d;
}

Date required_date(const json::object& o, std::string_view key) {
    auto d = optional_date(o, key);
    if (!d) throw_bad_field(key, "present");
    return *d;
}

std::optional<Decimal> optional_decimal(const json::object& o, std::string_view key) {
    auto* v = present(o, key);
    if (!v) return std::nullopt;
    auto d = decimal_from_json(*v);
    if (!d) throw_bad_field(key, "an exact decimal number");
    return d;
}

Decimal required_decimal(const json::object& o, std::string_view key) {
    auto d = optional_decimal(o, key);
    if (!d) throw_bad_field(key, "present");
    return *d;
}

std::optional<bool> optional_bool(const json::object& o, std::string_view key) {
    auto* v = present(o, key);
    if (!v) return std::nullopt;
    if (!v->is_bool()) throw_bad_field(key, "a boolean");
    return v->get_bool();
}

bool required_bool(const json::object& o, std::string_view key) {
    auto b = optional_bool(o, key);
    if (!b) throw_bad_field(key, "present");
    return *b;
}

std::optional<std::int64_t> optional_int(const json::object& o, std::string_view key) {
    auto* v = present(o, key);
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(v->get_uint64());
    throw_bad_field(key, "an integer");
}

std::int64_t required_int(const json::object& o, std::string_view key) {
    auto i = optional_int(o, key);
    if (!i) throw_bad_field(key, "present");
    return *i;
}

std::vector<std::string> string_array(const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    auto* v = present(o, key);
    if (!v) return out;
    if (!v->is_array()) throw_bad_field(key, "an array of strings");
    for (const auto& item : v->get_array()) {
        if (!item.is_string()) throw_bad_field(key, "an array of strings");
        out.emplace_back(item.get_string());
    }
    return out;
}

const json::array* optional_array(const json::object& o, std::string_view key) {
    auto* v = present(o, key);
    if (!v) return nullptr;
    if (!v->is_array()) throw_bad_field(key, "an array");
    return &v->get_array();
}

const json::object* optional_object(const json::object& o, std::string_view key) {
    auto* v = present(o, key);
    if (!v) return nullptr;
    if (!v->is_object()) throw_bad_field(key, "an object");
    return &v->get_object();
}

}  // namespace revolut::api
