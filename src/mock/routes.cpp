#include "mock/routes.hpp"

namespace revolut::mock {

void add_all_routes(Router& router) {
    add_auth_routes(router);
    add_webhooks_v2_routes(router);
    add_accounts_routes(router);
    add_transactions_routes(router);
    add_simulations_routes(router);
}

}  // namespace revolut::mock
