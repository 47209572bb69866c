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

/// /api/1.0/cards…: cards, their limits, contacts, references and states.
void add_cards_routes(Router& router);

/// /api/1.0/card-invitations…: card invitations.
void add_card_invitations_routes(Router& router);

/// /api/1.0/counterparties, /counterparty/{id}, /account-name-validation.
void add_counterparties_routes(Router& router);

/// /api/1.0/expenses…: expenses and receipts.
void add_expenses_routes(Router& router);

/// /api/1.0/rate, /exchange, /exchange-reasons.
void add_foreign_exchange_routes(Router& router);

/// /api/1.0/payment-drafts…: drafts and their payments.
void add_payment_drafts_routes(Router& router);

/// /api/1.0/payout-links….
void add_payout_links_routes(Router& router);

/// /api/1.0/team-members…, /api/1.0/roles.
void add_team_members_routes(Router& router);

/// /api/1.0/pay…, /transfer, /transfer-reasons.
void add_transfers_routes(Router& router);

/// /api/1.0/webhook (deprecated v1).
void add_webhooks_v1_routes(Router& router);

/// /api/1.0/accounting-categories…, /api/1.0/tax-rates….
void add_accounting_routes(Router& router);

/// /api/1.0/label-groups…: label groups and labels.
void add_labels_routes(Router& router);

/// Every group's routes.
void add_all_routes(Router& router);

}  // namespace revolut::mock
