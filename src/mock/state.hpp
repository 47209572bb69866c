#pragma once
// Everything the emulator remembers, one member per concern, so an API group adds its own
// store here and its routes in its own routes_<group>.cpp.

#include "mock/auth_registry.hpp"
#include "mock/webhook_store.hpp"

#include <revolut/types.hpp>

#include <chrono>
#include <cstddef>

namespace revolut::mock {

/// The emulated business: its API clients and tokens, and each API group's data.
struct State {
    explicit State(std::size_t max_webhooks) : webhooks(max_webhooks) {}

    AuthRegistry auth;      ///< access/refresh tokens, registered clients
    WebhookStore webhooks;  ///< Webhooks v2
};

/// The current time at the API's precision (what `now` means for every rule).
inline Timestamp current_time() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
}

}  // namespace revolut::mock
