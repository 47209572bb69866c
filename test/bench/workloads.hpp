#pragma once
// The three workloads: what the client calls, the identical exchange the raw baseline makes,
// and how each emulator is seeded.

#include "mock_host.hpp"
#include "raw_client.hpp"

#include <revolut/client.hpp>

#include <boost/asio/awaitable.hpp>

#include <cstddef>
#include <string>

namespace revolut::bench {

enum class Workload { list_webhooks, list_transactions, create_webhook };

inline const char* name_of(Workload w) {
    switch (w) {
    case Workload::list_webhooks: return "get_all_webhooks";
    case Workload::list_transactions: return "transactions_1000";
    case Workload::create_webhook: return "create_webhook";
    }
    return "?";
}

/// Webhooks the list workload expects (the mock's default cap is 10).
inline constexpr std::size_t seeded_webhooks = 10;
/// Transactions the large-JSON workload lists (the API's maximum page).
inline constexpr std::size_t seeded_transactions = 1000;

/// The raw baseline's exchange for a workload (target includes the /api base path).
RawExchange raw_exchange(Workload w);

/// One client call of the workload; returns the number of items it got (checked by callers).
boost::asio::awaitable<std::size_t> client_call(AsyncClient& client, Workload w);

// The individual calls, named so that the transactions one can switch to the typed API.
boost::asio::awaitable<std::size_t> client_get_all_webhooks(AsyncClient& client);
/// Until client.transactions().get_all_transactions lands: the raw JSON path
/// (client.request), which parses into a boost::json DOM like the baseline.
boost::asio::awaitable<std::size_t> client_list_transactions(AsyncClient& client);
boost::asio::awaitable<std::size_t> client_create_webhook(AsyncClient& client);

/// What each call should return (10 webhooks, 1000 transactions, 1 created webhook).
std::size_t expected_items(Workload w);

/// Seeds `server` for `w` through the API, as a user would (webhooks: create_webhook;
/// transactions: an account and sandbox top-ups). Runs its own io_context.
void seed(MockServer& server, Workload w);

/// Options of an emulator for `w` (create_webhook: no cap, it only ever grows).
mock::ServerOptions server_options(Workload w);

}  // namespace revolut::bench
