// Catalog entries of the Simulations group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/simulations.hpp>

namespace revolut::test {
namespace {

const Uuid id{"a6ea39d7-62c9-481c-8ba6-8a887a44c486"};
namespace s = detail::simulations;

const CatalogEntries entries{
    {"simulations", "simulate_account_topup", "POST", "/api/1.0/sandbox/topup", true,
     [] { return s::simulate_account_topup(id, Decimal(100), "GBP", std::string("Test Top-up"), std::nullopt); }},
    {"simulations", "simulate_transfer_state_update", "POST", "/api/1.0/sandbox/transactions/{id}/{action}", true,
     [] { return s::simulate_transfer_state_update(id, TransferAction::complete); }},
};

}  // namespace
}  // namespace revolut::test
