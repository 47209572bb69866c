#include "mock/routes.hpp"

namespace revolut::mock {

void add_all_routes(Router& router) {
    add_webhooks_v2_routes(router);
}

}  // namespace revolut::mock
