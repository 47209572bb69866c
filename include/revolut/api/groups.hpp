#pragma once
// The endpoint groups, reachable from a client with pyrevolut's names in snake_case:
// client.accounts().get_all_accounts(), client.accounts(revolut::raw) for raw JSON.
// Shared by AsyncClient (methods complete with co_await by default) and the blocking
// Client (methods return their result), so no method is written twice.

#include <revolut/detail/api_call.hpp>

#include <memory>

namespace revolut {

// Declared here, defined in revolut/api/<group>.hpp: include the groups you call (or
// <revolut/revolut.hpp> for all), so a change to one group rebuilds only its users.
template <class Shape, class Default>
class BasicAccountsApi;
template <class Shape, class Default>
class BasicCardsApi;
template <class Shape, class Default>
class BasicCardInvitationsApi;
template <class Shape, class Default>
class BasicCounterpartiesApi;
template <class Shape, class Default>
class BasicExpensesApi;
template <class Shape, class Default>
class BasicForeignExchangeApi;
template <class Shape, class Default>
class BasicPaymentDraftsApi;
template <class Shape, class Default>
class BasicPayoutLinksApi;
template <class Shape, class Default>
class BasicSimulationsApi;
template <class Shape, class Default>
class BasicTeamMembersApi;
template <class Shape, class Default>
class BasicTransactionsApi;
template <class Shape, class Default>
class BasicTransfersApi;
template <class Shape, class Default>
class BasicWebhooksApi;
template <class Shape, class Default>
class BasicWebhooksV1Api;
template <class Shape, class Default>
class BasicAccountingCategoriesApi;
template <class Shape, class Default>
class BasicTaxRatesApi;
template <class Shape, class Default>
class BasicLabelsApi;

template <class Derived, class Default>
class GroupAccessors {
public:
    auto accounts() const { return group<BasicAccountsApi, Typed>(); }
    auto accounts(Raw) const { return group<BasicAccountsApi, Raw>(); }
    auto cards() const { return group<BasicCardsApi, Typed>(); }
    auto cards(Raw) const { return group<BasicCardsApi, Raw>(); }
    auto card_invitations() const { return group<BasicCardInvitationsApi, Typed>(); }
    auto card_invitations(Raw) const { return group<BasicCardInvitationsApi, Raw>(); }
    auto counterparties() const { return group<BasicCounterpartiesApi, Typed>(); }
    auto counterparties(Raw) const { return group<BasicCounterpartiesApi, Raw>(); }
    auto expenses() const { return group<BasicExpensesApi, Typed>(); }
    auto expenses(Raw) const { return group<BasicExpensesApi, Raw>(); }
    auto foreign_exchange() const { return group<BasicForeignExchangeApi, Typed>(); }
    auto foreign_exchange(Raw) const { return group<BasicForeignExchangeApi, Raw>(); }
    auto payment_drafts() const { return group<BasicPaymentDraftsApi, Typed>(); }
    auto payment_drafts(Raw) const { return group<BasicPaymentDraftsApi, Raw>(); }
    auto payout_links() const { return group<BasicPayoutLinksApi, Typed>(); }
    auto payout_links(Raw) const { return group<BasicPayoutLinksApi, Raw>(); }
    auto simulations() const { return group<BasicSimulationsApi, Typed>(); }
    auto simulations(Raw) const { return group<BasicSimulationsApi, Raw>(); }
    auto team_members() const { return group<BasicTeamMembersApi, Typed>(); }
    auto team_members(Raw) const { return group<BasicTeamMembersApi, Raw>(); }
    auto transactions() const { return group<BasicTransactionsApi, Typed>(); }
    auto transactions(Raw) const { return group<BasicTransactionsApi, Raw>(); }
    auto transfers() const { return group<BasicTransfersApi, Typed>(); }
    auto transfers(Raw) const { return group<BasicTransfersApi, Raw>(); }
    auto webhooks() const { return group<BasicWebhooksApi, Typed>(); }
    auto webhooks(Raw) const { return group<BasicWebhooksApi, Raw>(); }
    auto webhooks_v1() const { return group<BasicWebhooksV1Api, Typed>(); }
    auto webhooks_v1(Raw) const { return group<BasicWebhooksV1Api, Raw>(); }
    auto accounting_categories() const { return group<BasicAccountingCategoriesApi, Typed>(); }
    auto accounting_categories(Raw) const { return group<BasicAccountingCategoriesApi, Raw>(); }
    auto tax_rates() const { return group<BasicTaxRatesApi, Typed>(); }
    auto tax_rates(Raw) const { return group<BasicTaxRatesApi, Raw>(); }
    auto labels() const { return group<BasicLabelsApi, Typed>(); }
    auto labels(Raw) const { return group<BasicLabelsApi, Raw>(); }

private:
    template <template <class, class> class Group, class Shape>
    Group<Shape, Default> group() const {
        return Group<Shape, Default>(static_cast<const Derived&>(*this).core_for_groups());
    }
};

}  // namespace revolut
