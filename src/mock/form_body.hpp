#pragma once
// application/x-www-form-urlencoded request bodies (the token endpoint's format).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revolut::mock {

/// The decoded fields of a form body, in order.
using FormFields = std::vector<std::pair<std::string, std::string>>;

/// Splits `body` at '&' and '=', decoding `+` as a space and `%XX` escapes. nullopt when an
/// escape is malformed, a field has no '=' or an empty name, or a name occurs twice
/// (RFC 6749 §3.2: parameters must not be repeated). Empty pieces ("a=1&&b=2") are skipped.
std::optional<FormFields> parse_form(std::string_view body);

/// The value of field `name`; nullptr when absent.
const std::string* form_value(const FormFields& fields, std::string_view name);

}  // namespace revolut::mock
