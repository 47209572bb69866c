#include "mock/routes.hpp"

namespace revolut::mock {

void add_all_routes(Router& router) {
    add_auth_routes(router);
    add_webhooks_v2_routes(router);
    add_accounts_routes(router);
    add_transactions_routes(router);
    add_simulations_routes(router);
    add_cards_routes(router);
    add_card_invitations_routes(router);
    add_counterparties_routes(router);
    add_expenses_routes(router);
    add_foreign_exchange_routes(router);
    add_payment_drafts_routes(router);
    add_payout_links_routes(router);
    add_team_members_routes(router);
    add_transfers_routes(router);
    add_webhooks_v1_routes(router);
    add_accounting_routes(router);
    add_labels_routes(router);
}

}  // namespace revolut::mock
