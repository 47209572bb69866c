#pragma once
// Reading API JSON into models with errors that name the field (Errc::invalid_response).
// Unknown fields are ignored by every reader.

#include <revolut/types.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace revolut::api {

[[noreturn]] void throw_bad_field(std::string_view field, std::string_view expected);

const boost::json::object& as_object(const boost::json::value& v, std::string_view what);

std::string required_string(const boost::json::object& o, std::string_view key);
std::optional<std::string> optional_string(const boost::json::object& o, std::string_view key);
Uuid required_uuid(const boost::json::object& o, std::string_view key);
std::optional<Uuid> optional_uuid(const boost::json::object& o, std::string_view key);
Timestamp required_timestamp(const boost::json::object& o, std::string_view key);
std::optional<Timestamp> optional_timestamp(const boost::json::object& o, std::string_view key);
const boost::json::array& required_array(const boost::json::object& o, std::string_view key);
const boost::json::object& required_object(const boost::json::object& o, std::string_view key);

}  // namespace revolut::api
