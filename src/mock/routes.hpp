#pragma once
// The emulated API groups. Each group lives in its own routes_<group>.cpp and adds its routes
// here; its data lives in its own store, a member of State.

#include "mock/http_message.hpp"
#include "mock/router.hpp"

namespace revolut::mock {

/// POST /api/1.0/auth/token: the OAuth token endpoint (refresh and authorization-code grants).
void add_auth_routes(Router& router);
/// True for a POST to the token endpoint (counted in Stats::token_requests).
bool is_token_request(const Request& request);

/// /api/2.0/webhooks…: create, list, get, update, delete, rotate secret, failed events.
void add_webhooks_v2_routes(Router& router);

/// /api/1.0/accounts, /api/1.0/accounts/{id}.
void add_accounts_routes(Router& router);

/// /api/1.0/transactions, /api/1.0/transaction/{id}.
void add_transactions_routes(Router& router);

/// /api/1.0/sandbox/topup, /api/1.0/sandbox/transactions/{id}/{action}.
void add_simulations_routes(Router& router);

/// Every group's routes.
void add_all_routes(Router& router);

}  // namespace revolut::mock
