// Catalog entries of the Payout links group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/payout_links.hpp>

namespace revolut::test {
namespace {

const Uuid link_id{"7c9e1a3b-5d2f-4b8e-9a6c-0e4f2d8b1a37"};
namespace p = detail::payout_links;

const CatalogEntries entries{
    {"payout_links", "get_all_payout_links", "GET", "/api/1.0/payout-links", true,
     [] { return p::get_all_payout_links({}, std::nullopt, 10); }},
    {"payout_links", "get_payout_link", "GET", "/api/1.0/payout-links/{payout_link_id}", true,
     [] { return p::get_payout_link(link_id); }},
    {"payout_links", "create_payout_link", "POST", "/api/1.0/payout-links", true,
     [] {
         return p::create_payout_link("Li Wei", Uuid{"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d"}, Decimal(15), "GBP",
                                      "meal", {}, std::nullopt, std::nullopt, std::nullopt, std::nullopt);
     }},
    {"payout_links", "cancel_payout_link", "POST", "/api/1.0/payout-links/{payout_link_id}/cancel", true,
     [] { return p::cancel_payout_link(link_id); }},
};

}  // namespace
}  // namespace revolut::test
