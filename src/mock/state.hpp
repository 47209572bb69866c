#pragma once
// Everything the emulator remembers, one member per concern, so an API group adds its own
// store here and its routes in its own routes_<group>.cpp.

#include "mock/account_store.hpp"
#include "mock/card_store.hpp"
#include "mock/card_invitation_store.hpp"
#include "mock/counterparty_store.hpp"
#include "mock/expense_store.hpp"
#include "mock/exchange_store.hpp"
#include "mock/payment_draft_store.hpp"
#include "mock/payout_link_store.hpp"
#include "mock/team_store.hpp"
#include "mock/webhook_v1_store.hpp"
#include "mock/accounting_store.hpp"
#include "mock/label_store.hpp"
#include "mock/auth_registry.hpp"
#include "mock/transaction_store.hpp"
#include "mock/webhook_store.hpp"

#include <revolut/mock/server.hpp>
#include <revolut/types.hpp>
#include <revolut/webhook/events.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <utility>

namespace revolut::mock {

/// Where something that happened in the emulated business goes: the server delivers it to
/// the subscribed webhooks. Unset (e.g. in a State built on its own), events are dropped.
using EventSink = std::function<void(const webhook::Event&)>;

/// The emulated business: its API clients and tokens, and each API group's data.
struct State {
    State(std::size_t max_webhooks, bool allow_plain_http_webhooks, AuthLifetimes lifetimes)
        : auth(lifetimes), webhooks(max_webhooks, allow_plain_http_webhooks) {}

    AuthRegistry auth;              ///< access/refresh tokens, codes, registered clients
    WebhookStore webhooks;          ///< Webhooks v2
    AccountStore accounts;          ///< accounts and their balances
    TransactionStore transactions;  ///< every transaction, any state
    CardStore cards;
    CardInvitationStore card_invitations;
    CounterpartyStore counterparties;
    ExpenseStore expenses;
    ExchangeStore exchange;
    PaymentDraftStore payment_drafts;
    PayoutLinkStore payout_links;
    TeamStore team;
    WebhookV1Store webhook_v1;
    AccountingStore accounting;
    LabelStore labels;
    Stats stats;                    ///< counters for tests
    EventSink publish;              ///< set by the server

    /// Hands `event` to the sink.
    void emit(const webhook::Event& event) const {
        if (publish) publish(event);
    }
};

/// The current time at the API's precision (what `now` means for every rule).
inline Timestamp current_time() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
}

}  // namespace revolut::mock
