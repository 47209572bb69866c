#pragma once
// `revolut auth-manual`: the guided first-time OAuth setup, as in pyrevolut's auth-manual.
//   1. an RSA-2048 key and a self-signed X.509 certificate (or the user's own, --key/--cert)
//   2. the certificate upload in the Business web app, which yields a client ID
//   3. the client-assertion JWT and the consent URL, which yields an authorization code
//   4. the code exchanged at POST /1.0/auth/token; creds.json written (pyrevolut schema, 0600)
// Every prompt has a flag, so the flow also runs without a terminal.

#include "cli/command_line.hpp"

#include <revolut/credentials.hpp>

#include <chrono>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::auth {
struct TokenResponse;
}

namespace revolut::cli {

/// pyrevolut (and PSD2's SCA rules): a refresh token is good for 90 days. The token
/// endpoint does not say, so this is what the credentials file records.
inline constexpr std::chrono::days refresh_token_lifetime{90};
/// The validity Revolut's setup guide gives its certificate command (`-days 1825`).
inline constexpr std::chrono::days default_certificate_validity{1825};
/// The scopes a consent may ask for.
inline constexpr std::string_view known_scopes[] = {"READ", "WRITE", "PAY", "READ_SENSITIVE_CARD_DATA"};

/// The Business web app's API settings page, where certificates are uploaded.
std::string certificate_upload_url(bool sandbox);

/// `https://{sandbox-}business.revolut.com/app-confirm?client_id=…&redirect_uri=…&response_type=code
/// [&scope=A,B]#authorize`, every value percent-encoded.
std::string consent_url(bool sandbox, std::string_view client_id, std::string_view redirect_uri,
                        const std::vector<std::string>& scopes);

/// The authorization code in what the user pasted: the bare code, or the whole redirected URL
/// (`…?code=…&…`). Throws UsageError when there is none, or when the redirect carries an
/// OAuth `error` instead.
std::string extract_authorization_code(std::string_view pasted);

/// Throws UsageError unless `uri` is an https:// URL with a host (Revolut refuses others).
void check_redirect_uri(std::string_view uri);

/// Scopes from `--scope` values (repeatable and/or comma-separated), upper-cased, in the
/// order given, without duplicates. Throws UsageError for an unknown scope.
std::vector<std::string> parse_scopes(const std::vector<std::string>& values);

/// The credentials file content for a completed setup. `now` is when the tokens were issued.
Credentials make_credentials(std::string certificate_pem, std::string private_key_pem,
                             std::string client_assertion, Timestamp assertion_expires,
                             const auth::TokenResponse& tokens, Timestamp now);

/// The command (see the --help text in commands.cpp). `in` is read only when `interactive`.
int run_auth_manual(const Invocation& inv, std::istream& in, std::ostream& out, std::ostream& err,
                    bool interactive);

/// The options of `revolut auth-manual`.
std::vector<Flag> auth_manual_flags();

}  // namespace revolut::cli
