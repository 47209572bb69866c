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

}  // namespace revolut::api
