#pragma once
// Who may call the emulated API: accepted access tokens, refresh tokens, and the registered
// API clients (client id + uploaded certificate) a token endpoint checks assertions against.

#include <revolut/types.hpp>

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
};

/// Tokens and clients. Token values are secrets: nothing here prints them.
class AuthRegistry {
public:
    /// Accepts `token` as a bearer token until `expires_at` (forever without one).
    void add_access_token(std::string token, std::optional<Timestamp> expires_at = std::nullopt);
    bool accepts_access_token(std::string_view token, Timestamp now) const;

    /// Registers a refresh token that a token endpoint exchanges for `client_id`.
    void add_refresh_token(std::string token, std::string client_id, Timestamp expires_at);
    /// The client a refresh token belongs to, while the token is valid.
    const RegisteredClient* client_for_refresh_token(std::string_view token, Timestamp now) const;

    void add_client(RegisteredClient client);
    const RegisteredClient* find_client(std::string_view client_id) const;

private:
    struct RefreshToken {
        std::string client_id;
        Timestamp expires_at;
    };
    std::map<std::string, std::optional<Timestamp>, std::less<>> access_tokens_;
    std::map<std::string, RefreshToken, std::less<>> refresh_tokens_;
    std::map<std::string, RegisteredClient, std::less<>> clients_;
};

}  // namespace revolut::mock
