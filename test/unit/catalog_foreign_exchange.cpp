// Catalog entries of the Foreign exchange group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/foreign_exchange.hpp>

namespace revolut::test {
namespace {

namespace fx = detail::foreign_exchange;

const CatalogEntries entries{
    {"foreign_exchange", "get_exchange_rate", "GET", "/api/1.0/rate", true,
     [] { return fx::get_exchange_rate("EUR", "USD", std::nullopt); }},
    {"foreign_exchange", "exchange_money", "POST", "/api/1.0/exchange", true, [] {
         ExchangeRequest r;
         r.from.account_id = Uuid("af98333c-ea53-482b-93c2-1fa5e4eae671");
         r.from.currency = "USD";
         r.from.amount = Decimal(100);
         r.to.account_id = Uuid("b7ec67d3-5af1-42c8-bece-3d285774894d");
         r.to.currency = "EUR";
         return fx::exchange_money(r);
     }},
    {"foreign_exchange", "get_exchange_reasons", "GET", "/api/1.0/exchange-reasons", false,
     [] { return fx::get_exchange_reasons(); }},
};

}  // namespace
}  // namespace revolut::test
