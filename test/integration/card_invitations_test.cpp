// The five Card invitations methods against revolut-mock over real TLS, on a production
// client (sandbox = false, base_url still the emulator).
#include "support/expect.hpp"
#include "support/faults.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/card_invitations.hpp>
#include <revolut/api/team_members.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace revolut;
namespace asio = boost::asio;
using revolut::test::run_async;
using verb = boost::beast::http::verb;

using revolut::test::expect_api_error;
using revolut::test::expect_refused_in_sandbox;

namespace {

// A newly invited team member: still `created`, which is who card invitations are for.
asio::awaitable<Uuid> newcomer(AsyncClient& client, std::string email) {
    auto invited = co_await client.team_members().invite_team_member(std::move(email), "member");
    co_return Uuid(invited.id);
}

CreateCardInvitationRequest invitation_for(Uuid holder) {
    CreateCardInvitationRequest r;
    r.holder_id = holder;
    return r;
}

Timestamp now() { return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()); }

}  // namespace

TEST_CASE("card invitations: create, get, list, update, cancel", "[integration][card_invitations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto invitations = client.card_invitations();
        const Uuid holder = co_await newcomer(client, "newcomer@example.com");
        auto request = invitation_for(holder);
        request.expiry_period = std::chrono::days(3);
        request.spending_limits = SpendingLimits{};
        request.spending_limits->week = SpendingLimit{Decimal::parse("250.75"), "GBP"};
        const auto before = now();
        auto created = co_await invitations.create_card_invitation(request);
        CHECK(created.request_id.size() == 36);
        CHECK(created.state == CardInvitationState::created);
        CHECK(created.holder_id == holder);
        CHECK(created.label == "Virtual");  // the spec's default
        CHECK(created.is_virtual);
        REQUIRE(created.expiry_date);
        CHECK(*created.expiry_date >= before + std::chrono::days(3));
        CHECK(*created.expiry_date < before + std::chrono::days(3) + std::chrono::minutes(1));
        CHECK(created.spending_limits->week->amount.to_string() == "250.75");

        auto fetched = co_await invitations.get_card_invitation(created.id);
        CHECK(fetched.id == created.id);
        auto all = co_await invitations.get_all_card_invitations();
        REQUIRE(all.size() == 1);
        CHECK(all[0].id == created.id);

        UpdateCardInvitationRequest update;
        update.label = "Meals";
        update.countries = std::vector<std::string>{"GB"};
        auto updated = co_await invitations.update_card_invitation(created.id, update);
        CHECK(updated.label == "Meals");
        CHECK(updated.countries == std::vector<std::string>{"GB"});
        CHECK(updated.spending_limits->week);  // untouched

        co_await invitations.cancel_card_invitation(created.id);
        auto cancelled = co_await invitations.get_card_invitation(created.id);
        CHECK(cancelled.state == CardInvitationState::expired);  // the spec: cancelled ones are expired
        CHECK_FALSE(cancelled.expiry_date);
        auto again = co_await expect_api_error(invitations.cancel_card_invitation(created.id), Errc::unprocessable_entity);
        CHECK(again.status() == 422);
        CHECK(again.api_message() == "Unable to cancel card invitation with state=expired");
        co_await expect_api_error(invitations.update_card_invitation(created.id, update), Errc::unprocessable_entity);

        auto missing = co_await expect_api_error(invitations.cancel_card_invitation(Uuid::random()), Errc::not_found);
        CHECK(missing.api_code() == 3088);
        co_await expect_api_error(invitations.get_card_invitation(Uuid::random()), Errc::not_found);
        co_await client.close();
    });
}

TEST_CASE("card invitations: a retry with the same request_id returns the same invitation",
          "[integration][card_invitations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        const Uuid holder = co_await newcomer(client, "retry@example.com");
        server.set_fault(verb::post, "/api/1.0/card-invitations", revolut::test::reset_mid_body());
        const auto before = server.stats().requests;
        auto created = co_await client.card_invitations().create_card_invitation(invitation_for(holder));
        CHECK(server.stats().requests - before == 2);  // the cut-off attempt and its retry
        auto first = co_await client.card_invitations().create_card_invitation(invitation_for(holder),
                                                                               std::string("invite-1"));
        auto second = co_await client.card_invitations().create_card_invitation(invitation_for(holder),
                                                                                std::string("invite-1"));
        CHECK(second.id == first.id);
        CHECK(second.request_id == "invite-1");
        auto all = co_await client.card_invitations().get_all_card_invitations();
        CHECK(all.size() == 2);  // the retried one once, invite-1 once
        CHECK(std::count_if(all.begin(), all.end(), [&](const auto& i) { return i.id == created.id; }) == 1);
        co_await client.close();
    });
}

TEST_CASE("card invitations follow the team: only for new members, failed when the member leaves",
          "[integration][card_invitations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto members = co_await client.team_members().get_team_members();
        REQUIRE(members.size() == 1);  // the owner, already active
        auto active = co_await expect_api_error(
            client.card_invitations().create_card_invitation(invitation_for(members[0].id)), Errc::unprocessable_entity);
        CHECK(active.api_message() == "Card invitations are only allowed for users in created state");
        auto unknown = co_await expect_api_error(
            client.card_invitations().create_card_invitation(invitation_for(Uuid::random())), Errc::not_found);
        CHECK(unknown.api_code() == 3042);

        // An invitation nobody claimed before its expiry date is expired.
        auto stale = server.seed("card_invitation", boost::json::object{{"created_at", "2025-01-01T00:00:00Z"},
                                                                         {"expiry_date", "2025-01-04T00:00:00Z"}});
        auto expired = co_await client.card_invitations().get_card_invitation(Uuid(stale.at("id").as_string()));
        CHECK(expired.state == CardInvitationState::expired);
        CHECK_FALSE(expired.expiry_date);
        CHECK(expired.updated_at == parse_timestamp("2025-01-04T00:00:00Z"));

        const Uuid leaver = co_await newcomer(client, "leaver@example.com");
        auto invitation = co_await client.card_invitations().create_card_invitation(invitation_for(leaver));
        co_await client.team_members().delete_team_member(leaver);
        auto failed = co_await client.card_invitations().get_card_invitation(invitation.id);
        CHECK(failed.state == CardInvitationState::failed);
        CHECK_FALSE(failed.holder_id);
        co_await client.close();
    });
}

TEST_CASE("card invitations: state filters and a walk across invitations sharing a created_at",
          "[integration][card_invitations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        const auto shared = parse_timestamp("2025-11-21T00:00:00.5Z");
        const auto later = now() + std::chrono::days(30);
        for (int i = 0; i < 5; ++i)
            server.seed("card_invitation", boost::json::object{{"holder_id", Uuid::random().to_string()},
                                                               {"created_at", format_timestamp(shared)},
                                                               {"expiry_date", format_timestamp(later)}});
        const Uuid card = Uuid::random();
        auto redeemed = server.seed("card_invitation", boost::json::object{{"state", "redeemed"},
                                                                            {"card_id", card.to_string()},
                                                                            {"created_at", "2025-11-20T00:00:00Z"}});
        std::vector<OpenEnum<CardInvitationState>> only_redeemed{CardInvitationState::redeemed};
        auto filtered = co_await client.card_invitations().get_all_card_invitations(std::nullopt, std::nullopt,
                                                                                    only_redeemed);
        REQUIRE(filtered.size() == 1);
        CHECK(filtered[0].card_id == card);
        CHECK(filtered[0].id == Uuid(redeemed.at("id").as_string()));
        std::vector<OpenEnum<CardInvitationState>> open{CardInvitationState::created, CardInvitationState::failed};
        auto created = co_await client.card_invitations().get_all_card_invitations(std::nullopt, std::nullopt, open);
        CHECK(created.size() == 5);
        auto bad_state = co_await expect_api_error(client.request(verb::get, "/1.0/card-invitations?state=active"),
                                                   Errc::bad_request);
        CHECK(bad_state.api_code() == 2101);
        auto bad_limit = co_await expect_api_error(client.request(verb::get, "/1.0/card-invitations?limit=101"),
                                                   Errc::bad_request);
        CHECK(bad_limit.api_code() == 2101);

        auto pages = client.card_invitations().iterate_card_invitations(std::nullopt, 2);
        std::vector<Uuid> walked;
        std::vector<std::size_t> sizes;
        while (auto page = co_await pages.next_page()) {
            sizes.push_back(page->size());
            for (const auto& i : *page) walked.push_back(i.id);
        }
        // Pages of 2 until a page holds only invitations already returned at the shared
        // created_at: then one bigger page (at most the API's 100) steps past them.
        REQUIRE(sizes.size() >= 2);
        CHECK(sizes[0] == 2);
        REQUIRE(walked.size() == 6);
        CHECK(std::set<Uuid>(walked.begin(), walked.end()).size() == 6);
        CHECK(walked.back() == Uuid(redeemed.at("id").as_string()));
        co_await client.close();
    });
}

TEST_CASE("card invitations are refused on a sandbox client, and nothing is sent", "[integration][card_invitations]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::options_for(server));
        co_await client.open();
        const auto before = server.stats().requests;
        auto invitations = client.card_invitations();
        const Uuid id = Uuid::random();
        UpdateCardInvitationRequest update;
        update.label = "x";
        co_await expect_refused_in_sandbox(invitations.create_card_invitation(invitation_for(id)));
        co_await expect_refused_in_sandbox(invitations.get_all_card_invitations());
        co_await expect_refused_in_sandbox(invitations.get_card_invitation(id));
        co_await expect_refused_in_sandbox(invitations.update_card_invitation(id, update));
        co_await expect_refused_in_sandbox(invitations.cancel_card_invitation(id));
        CHECK(server.stats().requests == before);

        // Raw JSON on a production client.
        AsyncClient prod(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await prod.open();
        const Uuid holder = co_await newcomer(prod, "raw@example.com");
        boost::json::value raw = co_await prod.card_invitations(revolut::raw).create_card_invitation(invitation_for(holder));
        CHECK(raw.at("state") == boost::json::value("created"));
        CHECK(raw.at("request_id").as_string().size() == 36);
        co_await prod.close();
        co_await client.close();
    });
}
