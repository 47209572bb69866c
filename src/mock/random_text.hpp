#pragma once
// Unpredictable text for access tokens, refresh tokens, signing secrets and client ids.

#include <cstddef>
#include <string>

namespace revolut::mock {

/// `length` characters from [A-Za-z0-9], drawn from OpenSSL's CSPRNG without modulo bias.
std::string random_alphanumeric(std::size_t length);

}  // namespace revolut::mock
