#pragma once
// Credentials for a new API client, as if its owner had completed Revolut's setup: a key and
// self-signed certificate, tokens this emulator accepts, and expirations that let a client
// run for years without re-authenticating.

#include "mock/auth_registry.hpp"

#include <revolut/credentials.hpp>

namespace revolut::mock {

/// A registered client and its credentials (the id is not part of pyrevolut's file, but the
/// client-assertion JWT names it as `sub`).
struct IssuedCredentials {
    std::string client_id;
    Credentials credentials;
};

/// Registers a new client (id + certificate) and its tokens in `registry`; the access token
/// lives for the registry's access-token lifetime, everything else for years.
IssuedCredentials issue_client_credentials(AuthRegistry& registry, Timestamp now);

}  // namespace revolut::mock
