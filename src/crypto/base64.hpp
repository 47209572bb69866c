#pragma once
// Base64 (RFC 4648): the standard alphabet for pyrevolut's credentials file and inline
// credentials, the URL-safe alphabet without padding for JWT segments.
// Decoders return std::nullopt on bad input instead of throwing or producing garbage.

#include <optional>
#include <string>
#include <string_view>

namespace revolut::detail {

/// Standard alphabet with `=` padding, one line (what Python's base64.b64encode writes).
std::string base64_encode(std::string_view bytes);
/// Standard alphabet. Skips ASCII whitespace (so `base64`-wrapped lines decode); padding may
/// be present or absent but, when present, must be correct.
std::optional<std::string> base64_decode(std::string_view text);

/// URL-safe alphabet, no padding (JWT, RFC 7515).
std::string base64url_encode(std::string_view bytes);
/// URL-safe alphabet, strict: no padding, no whitespace, unused trailing bits must be zero,
/// so every byte string has exactly one accepted encoding.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace revolut::detail
