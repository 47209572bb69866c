#pragma once
// Credentials for a new API client, as if its owner had completed Revolut's setup: a key and
// self-signed certificate, tokens this emulator accepts, and expirations that let a client
// run for years without re-authenticating.

#include "mock/auth_registry.hpp"

#include <revolut/credentials.hpp>

namespace revolut::mock {

/// How long Revolut's access tokens live.
inline constexpr std::chrono::minutes access_token_lifetime{40};

/// A registered client and its credentials (the id is not part of pyrevolut's file, but the
/// client-assertion JWT names it as `sub`).
struct IssuedCredentials {
    std::string client_id;
    Credentials credentials;
};

/// Registers a new client (id + certificate) and its tokens in `registry`. The
/// client-assertion JWT is left empty.
IssuedCredentials issue_client_credentials(AuthRegistry& registry, Timestamp now);

}  // namespace revolut::mock
