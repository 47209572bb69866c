#pragma once
// Who may call the emulated API: accepted access tokens, refresh tokens, authorization codes,
// and the registered API clients (client id + uploaded certificate) the token endpoint checks
// client assertions against.

#include <revolut/types.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace revolut::mock {

/// An API client as Revolut knows it after the certificate upload.
struct RegisteredClient {
    std::string client_id;
    std::string certificate_pem;  ///< verifies the client's assertion JWTs
    /// When set, the `iss` every assertion must carry (the redirect URI's host).
    std::optional<std::string> assertion_issuer;
};

/// How long what the registry issues stays valid.
struct AuthLifetimes {
    std::chrono::seconds access_token{40 * 60};
    std::chrono::seconds authorization_code{2 * 60};
    /// Refresh tokens from the authorization-code grant (issue_credentials' live for years).
    std::chrono::seconds refresh_token{std::chrono::days{90}};
};

/// Tokens, codes and clients. Token and code values are secrets: nothing here prints them.
class AuthRegistry {
public:
    explicit AuthRegistry(AuthLifetimes lifetimes = {}) : lifetimes_(lifetimes) {}

    const AuthLifetimes& lifetimes() const { return lifetimes_; }

    /// Accepts `token` as a bearer token until `expires_at` (forever without one).
    void add_access_token(std::string token, std::optional<Timestamp> expires_at = std::nullopt);
    bool accepts_access_token(std::string_view token, Timestamp now) const;
    /// A new access token valid for lifetimes().access_token from `now`.
    std::string issue_access_token(Timestamp now);
    void revoke_access_token(std::string_view token);

    /// Registers a refresh token that the token endpoint exchanges for `client_id`.
    void add_refresh_token(std::string token, std::string client_id, Timestamp expires_at);
    /// A new refresh token for `client_id`, valid for lifetimes().refresh_token.
    std::string issue_refresh_token(std::string client_id, Timestamp now);
    /// The client ID a refresh token belongs to, while the token is valid (not expired, not
    /// revoked).
    std::optional<std::string> refresh_token_owner(std::string_view token, Timestamp now) const;
    void revoke_refresh_token(std::string_view token);

    /// A new single-use code for `client_id`, valid for lifetimes().authorization_code.
    std::string issue_authorization_code(std::string client_id, Timestamp now);
    /// Consumes a code: true when it exists, has not expired and belongs to `client_id`. A
    /// code presented by another client stays usable by its owner; any other use ends it.
    bool redeem_authorization_code(std::string_view code, std::string_view client_id,
                                   Timestamp now);

    void add_client(RegisteredClient client);
    const RegisteredClient* find_client(std::string_view client_id) const;

private:
    struct Grant {
        std::string client_id;
        Timestamp expires_at;
    };
    AuthLifetimes lifetimes_;
    std::map<std::string, std::optional<Timestamp>, std::less<>> access_tokens_;
    std::map<std::string, Grant, std::less<>> refresh_tokens_;
    std::map<std::string, Grant, std::less<>> authorization_codes_;
    std::map<std::string, RegisteredClient, std::less<>> clients_;
};

/// A new opaque token in the format of Revolut's sandbox (`oa_sand_` and 43 alphanumerics).
std::string new_token();

}  // namespace revolut::mock
