#pragma once
// The emulated API groups. Each group lives in its own routes_<group>.cpp and adds its routes
// here; its data lives in its own store, a member of State.

#include "mock/router.hpp"

namespace revolut::mock {

/// /api/2.0/webhooks…: create, list, get, update, delete, rotate secret, failed events.
void add_webhooks_v2_routes(Router& router);

/// Every group's routes.
void add_all_routes(Router& router);

}  // namespace revolut::mock
