#pragma once
// Masks secrets in what the client logs. Field names decide in JSON bodies and forms
// (access_token, refresh_token, client_assertion, signing_secret, private_key, code, pan,
// cvv, ...); shapes decide anywhere else (PEM blocks, JWTs, bearer tokens, Revolut's token
// and signing-secret prefixes), so a secret under an unexpected name is still caught.
// Everything else is kept byte for byte (amounts keep their exact digits).

#include <cstddef>
#include <string>
#include <string_view>

namespace revolut::logging {

/// What a masked value is replaced with.
inline constexpr std::string_view redacted = "[REDACTED]";

/// True for a JSON or form field name that holds a secret (case-insensitive, '-' = '_').
bool is_secret_field(std::string_view name);

/// A header value as it may be logged: credentials headers (Authorization, Cookie,
/// Revolut-Signature, ...) masked, anything else through redact_text.
std::string redact_header(std::string_view name, std::string_view value);

/// JSON text with the values of secret fields masked (any depth) and redact_text applied to
/// every other string. Tolerates invalid or truncated JSON.
std::string redact_json(std::string_view json);
/// application/x-www-form-urlencoded text with secret fields (and `code`) masked.
std::string redact_form(std::string_view form);
/// Free text (an HTML error page, a message) with secret-shaped runs masked.
std::string redact_text(std::string_view text);

/// A body for a trace line: JSON, form or text by `content_type` (JSON is sniffed when the
/// type says nothing), redacted, then cut to at most `max_size` characters.
std::string redact_body(std::string_view body, std::string_view content_type,
                        std::size_t max_size = 8 * 1024);

}  // namespace revolut::logging
