#pragma once
// pyrevolut-compatible credentials (`creds.json`): load, save, expiry rules.
// A file written by pyrevolut loads here and a file written here loads in pyrevolut.

#include <revolut/types.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace revolut {

/// The three parts of pyrevolut's credentials file. Every string here is a secret except
/// `certificate.public_pem`; none of them is ever logged or put in an error message.
struct Credentials {
    struct Certificate {
        std::string public_pem;   ///< X.509 certificate, PEM (stored base64-encoded as `public`)
        std::string private_pem;  ///< RSA private key, PEM (stored base64-encoded as `private`)
        Timestamp expiration_dt{};
    };
    struct ClientAssertJwt {
        std::string jwt;
        Timestamp expiration_dt{};
    };
    struct Tokens {
        std::string access_token;
        std::string refresh_token;
        std::string token_type = "bearer";
        Timestamp access_token_expiration_dt{};
        Timestamp refresh_token_expiration_dt{};
    };

    Certificate certificate;
    ClientAssertJwt client_assert_jwt;
    Tokens tokens;

    /// The access token counts as expired one minute before its expiration time.
    bool access_token_expired(Timestamp now) const noexcept;
    /// True when the certificate, the client-assertion JWT or the refresh token has expired:
    /// no refresh can succeed and the user must run `revolut auth-manual` again.
    bool needs_reauthentication(Timestamp now) const noexcept;
};

/// Parses pyrevolut's JSON schema. Throws revolut::Error(Errc::credentials) naming the
/// missing or malformed field and telling the user to run `revolut auth-manual`.
Credentials parse_credentials(std::string_view json_text);
/// Inline credentials as pyrevolut's `creds` argument takes them: the JSON text itself, or
/// the base64 encoding of that JSON.
Credentials parse_inline_credentials(std::string_view json_or_base64);
/// pyrevolut's JSON schema, ISO-8601 datetimes with offset, certificate parts base64 of PEM.
std::string serialize_credentials(const Credentials& creds);

/// Reads and parses a credentials file (Errc::credentials when missing or unreadable).
Credentials load_credentials_file(const std::filesystem::path& path);
/// Crash-safe save: temporary file in the same directory, fsync, rename, mode 0600. On any
/// failure the previous file is intact and an Error is thrown.
void save_credentials_file(const std::filesystem::path& path, const Credentials& creds);

}  // namespace revolut
