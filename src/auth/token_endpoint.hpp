#pragma once
// Revolut's OAuth token endpoint, POST /1.0/auth/token (form-encoded): exchanging an
// authorization code and refreshing an access token, both with a client-assertion JWT.

#include "http/transport.hpp"

#include <revolut/error.hpp>

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace revolut::auth {

inline constexpr std::string_view token_target = "/1.0/auth/token";  // below the base URL
inline constexpr std::string_view jwt_bearer_assertion_type =
    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

struct TokenResponse {
    std::string access_token;
    std::optional<std::string> refresh_token;  ///< only the authorization-code grant returns one
    std::string token_type;
    std::chrono::seconds expires_in{0};
};

/// grant_type=refresh_token form body.
std::string refresh_token_form(std::string_view refresh_token, std::string_view client_assertion);
/// grant_type=authorization_code form body.
std::string authorization_code_form(std::string_view code, std::string_view client_id,
                                    std::string_view client_assertion);

/// Parses the endpoint's answer. A non-2xx status or a body without access_token throws
/// ApiError with code Errc::token_refresh_failed carrying the status and Revolut's
/// `error`/`error_description` (never a token).
TokenResponse parse_token_response(unsigned status, std::string_view body);

/// POSTs `form` to the token endpoint through `transport`; never sends an Authorization header.
boost::asio::awaitable<TokenResponse> request_token(http::Transport& transport, std::string form,
                                                    std::string user_agent,
                                                    std::chrono::steady_clock::duration timeout);

}  // namespace revolut::auth
