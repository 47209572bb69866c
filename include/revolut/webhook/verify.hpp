#pragma once
// Webhook signature verification (pure functions, no I/O).
//
// Revolut signs each delivery: payload_to_sign = "v1." + <Revolut-Request-Timestamp> + "." +
// <raw body>, HMAC-SHA256 keyed with the webhook's signing secret, hex encoded, sent as
// `Revolut-Signature: v1=<hex>`. While a rotated secret is still valid the header carries one
// signature per secret, comma separated. Verify the raw body bytes before parsing them.

#include <revolut/types.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace revolut::webhook {

/// Name of the header carrying the signatures.
inline constexpr std::string_view signature_header = "Revolut-Signature";
/// Name of the header carrying the signing time, UNIX milliseconds.
inline constexpr std::string_view timestamp_header = "Revolut-Request-Timestamp";

/// How verify_signature judges the timestamp.
struct VerifyOptions {
    /// Largest accepted distance between the signing time and now, in either direction
    /// (pyrevolut rejects deliveries older than 5 minutes); exactly `tolerance` is accepted.
    std::chrono::milliseconds tolerance{std::chrono::minutes{5}};
    /// Current time; empty means std::chrono::system_clock. Must not throw.
    std::function<Timestamp()> clock;
};

/// `v1=<64 lower-case hex digits>`: the Revolut-Signature value for `body` signed at
/// `timestamp` (the Revolut-Request-Timestamp text, UNIX milliseconds) with `secret`.
/// Throws revolut::Error(Errc::invalid_argument) for an empty secret.
std::string sign_payload(std::string_view secret, std::string_view timestamp,
                         std::string_view body);

/// The Revolut-Request-Timestamp text for `t`: UNIX milliseconds, e.g. "1700000000123".
std::string format_request_timestamp(Timestamp t);

/// Checks a delivery. Accepts when any `v1` signature in `signature_header` matches the body
/// under any of `secrets` (several while a rotated secret is still valid) and the timestamp is
/// within options.tolerance of options.clock(). Returns an empty code on success, otherwise
/// (checked in this order):
///  - Errc::invalid_argument: `secrets` holds no non-empty secret (empty secrets are ignored:
///    an empty key would let anyone sign);
///  - Errc::signature_header_missing: `signature_header` is empty or blank;
///  - Errc::signature_header_malformed: an item is not `v<digits>=<value>`, a `v1` value is not
///    64 hex digits, there are more than 16 items, or the timestamp is missing or not digits;
///  - Errc::unsupported_signature_version: no `v1` item, only other versions (e.g. `v2=`);
///  - Errc::timestamp_out_of_tolerance: too far in the past or the future;
///  - Errc::signature_mismatch: no (secret, signature) pair matches.
/// Every (secret, signature) pair is compared, in constant time (CRYPTO_memcmp on decoded
/// digests). Verification runs on the raw bytes: call it before parsing the body. Thread-safe;
/// keyed HMAC contexts are cached per thread, so this code allocates nothing once warm
/// (OpenSSL 3.0's HMAC still does, internally).
boost::system::error_code verify_signature(std::string_view body,
                                           std::string_view signature_header,
                                           std::string_view timestamp_header,
                                           std::span<const std::string> secrets,
                                           const VerifyOptions& options = {}) noexcept;

/// As verify_signature, but throws revolut::Error carrying the code (never the secret).
void verify_signature_or_throw(std::string_view body, std::string_view signature_header,
                               std::string_view timestamp_header,
                               std::span<const std::string> secrets,
                               const VerifyOptions& options = {});

}  // namespace revolut::webhook
