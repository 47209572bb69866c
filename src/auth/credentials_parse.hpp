#pragma once
// Internal: parse_credentials with the origin named in error messages
// ("credentials", "credentials file '<path>'", "inline credentials").

#include <revolut/credentials.hpp>

#include <string_view>

namespace revolut::detail {

/// As parse_credentials; every error message starts with `origin`.
Credentials parse_credentials_json(std::string_view json_text, std::string_view origin);

}  // namespace revolut::detail
