#pragma once
// Reading API JSON into models with errors that name the field (Errc::invalid_response).
// Unknown fields are ignored by every reader.

#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/types.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <cstdint>

namespace revolut::api {

[[noreturn]] void throw_bad_field(std::string_view field, std::string_view expected);

const boost::json::object& as_object(const boost::json::value& v, std::string_view what);

std::string required_string(const boost::json::object& o, std::string_view key);
std::optional<std::string> optional_string(const boost::json::object& o, std::string_view key);
Uuid required_uuid(const boost::json::object& o, std::string_view key);
std::optional<Uuid> optional_uuid(const boost::json::object& o, std::string_view key);
Timestamp required_timestamp(const boost::json::object& o, std::string_view key);
std::optional<Timestamp> optional_timestamp(const boost::json::object& o, std::string_view key);
std::optional<Date> optional_date(const boost::json::object& o, std::string_view key);
Date required_date(const boost::json::object& o, std::string_view key);
/// Amounts: exact decimals (int or exact-parsed number); a binary double is refused.
std::optional<Decimal> optional_decimal(const boost::json::object& o, std::string_view key);
Decimal required_decimal(const boost::json::object& o, std::string_view key);
std::optional<bool> optional_bool(const boost::json::object& o, std::string_view key);
bool required_bool(const boost::json::object& o, std::string_view key);
std::optional<std::int64_t> optional_int(const boost::json::object& o, std::string_view key);
std::int64_t required_int(const boost::json::object& o, std::string_view key);
/// An array of strings; absent or null is empty.
std::vector<std::string> string_array(const boost::json::object& o, std::string_view key);
/// An optional array or object; nullptr when absent or null.
const boost::json::array* optional_array(const boost::json::object& o, std::string_view key);
const boost::json::object* optional_object(const boost::json::object& o, std::string_view key);

template <class E>
std::optional<OpenEnum<E>> optional_enum(const boost::json::object& o, std::string_view key) {
    auto text = optional_string(o, key);
    if (!text) return std::nullopt;
    return OpenEnum<E>::parse(*text);
}
template <class E>
OpenEnum<E> required_enum(const boost::json::object& o, std::string_view key) {
    return OpenEnum<E>::parse(required_string(o, key));
}

const boost::json::array& required_array(const boost::json::object& o, std::string_view key);
const boost::json::object& required_object(const boost::json::object& o, std::string_view key);

}  // namespace revolut::api
