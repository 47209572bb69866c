#pragma once
// Client options that point at an in-process revolut-mock over real TLS, trusting only
// the emulator's own CA (never the system store: no test may reach another address).

#include <revolut/client.hpp>
#include <revolut/credentials.hpp>
#include <revolut/mock/server.hpp>

namespace revolut::test {

inline ClientOptions options_for(mock::Server& server, Credentials credentials) {
    ClientOptions options;
    options.base_url = server.base_url();
    options.ca_pem = server.ca_certificate_pem();
    options.use_system_trust_store = false;
    options.creds = serialize_credentials(credentials);
    options.request_timeout = std::chrono::seconds(10);
    return options;
}

inline ClientOptions options_for(mock::Server& server) {
    return options_for(server, server.issue_credentials());
}

/// As options_for, on a production client (sandbox = false) for the production-only groups;
/// base_url still points at the emulator.
inline ClientOptions production_options_for(mock::Server& server) {
    auto options = options_for(server);
    options.sandbox = false;
    return options;
}

}  // namespace revolut::test
