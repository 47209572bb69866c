#pragma once
// The client-assertion JWT Revolut's token endpoint requires (RS256, signed with the private
// key whose certificate was uploaded to Revolut), and its verifier for the emulator.

#include <revolut/error.hpp>
#include <revolut/types.hpp>

#include <string>
#include <string_view>

namespace revolut::detail {

/// The `aud` claim Revolut expects.
inline constexpr std::string_view client_assertion_audience = "https://revolut.com";

/// The claims of a verified client assertion.
struct JwtClaims {
    std::string iss;  ///< redirect URI host
    std::string sub;  ///< client ID
    std::string aud;
    Timestamp exp{};  ///< whole seconds
};

/// Why a client assertion could not be made or was refused.
enum class JwtFailure {
    invalid_input,          ///< empty client ID or issuer (making only)
    malformed,              ///< not three base64url segments of JSON, or a claim missing/mistyped
    unsupported_algorithm,  ///< header `alg` is not RS256 (`none`, HS256, … are refused)
    bad_key,                ///< private key or certificate unreadable, encrypted or not RSA
    signature_mismatch,     ///< signature does not verify with the certificate's public key
    expired,                ///< `exp` is not after `now`
};

/// Thrown by make_client_assertion / verify_client_assertion. `code()` is a revolut code:
/// invalid_argument (invalid_input, malformed, unsupported_algorithm), credentials (bad_key),
/// signature_mismatch, reauthentication_required (expired). Never carries key or token text.
class JwtError : public Error {
public:
    JwtError(JwtFailure failure, const std::string& what);
    JwtFailure failure() const noexcept { return failure_; }

private:
    JwtFailure failure_;
};

/// The `iss` claim for a redirect URI: its host, without scheme, user info, port, path, query
/// or fragment. Takes a full URL (`https://example.com/cb`) or a bare host (`example.com`).
/// Throws JwtError(invalid_input) when no host remains.
std::string client_assertion_issuer(std::string_view redirect_uri);

/// A compact RS256 JWT with header {"alg":"RS256","typ":"JWT"} and claims iss (see
/// client_assertion_issuer; `issuer` may be the full redirect URI), sub = client ID,
/// aud = https://revolut.com, exp = `expires` in whole UNIX seconds (rounded down).
/// `private_key_pem` is an unencrypted RSA key, PKCS#8 or PKCS#1 PEM.
std::string make_client_assertion(std::string_view private_key_pem, std::string_view client_id,
                                  std::string_view issuer, Timestamp expires);

/// Checks a client assertion: header alg RS256, signature with the public key of
/// `certificate_pem` (an X.509 certificate, or a bare PUBLIC KEY block), then exp > now.
/// Returns the claims; the caller compares iss/sub/aud with what it expects.
JwtClaims verify_client_assertion(std::string_view jwt, std::string_view certificate_pem,
                                  Timestamp now);

}  // namespace revolut::detail
