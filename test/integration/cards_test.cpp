// The twelve Cards methods against revolut-mock over real TLS, on a production client
// (sandbox = false, base_url still the emulator): Cards exist in production only.
#include "cards_support.hpp"
#include "support/expect.hpp"
#include "support/faults.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/cards.hpp>
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

using revolut::test::card_for;
using revolut::test::expect_api_error;
using revolut::test::owner_id;

namespace {

asio::awaitable<Uuid> invite(AsyncClient& client, std::string email) {
    auto invited = co_await client.team_members().invite_team_member(std::move(email), "member");
    co_return Uuid(invited.id);
}

Timestamp now() { return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()); }

}  // namespace

TEST_CASE("cards: create, get, list, update and delete a team member card", "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto cards = client.cards();
        auto request = card_for(co_await owner_id(client), "Kirby Janette");
        request.spending_limits = SpendingLimits{};
        request.spending_limits->single = SpendingLimit{Decimal::parse("200.22"), "GBP"};
        request.categories = {MerchantCategory::groceries};
        request.countries = {"GB", "SG"};
        auto created = co_await cards.create_card(request);
        CHECK(created.request_id.size() == 36);  // generated, and returned
        CHECK(created.state == CardState::active);
        CHECK(created.is_virtual);
        CHECK(created.holder_id == request.holder_id);
        CHECK(created.label == "Kirby Janette");
        CHECK(created.last_digits.size() == 4);
        REQUIRE(created.spending_limits);
        CHECK(created.spending_limits->single->amount.to_string() == "200.22");
        CHECK(created.countries == std::vector<std::string>{"GB", "SG"});
        CHECK(created.accounts.size() == 2);  // not given: every account is linked

        auto fetched = co_await cards.get_card(created.id);
        CHECK(fetched.id == created.id);
        CHECK(fetched.expiry == created.expiry);
        auto all = co_await cards.get_all_cards();
        REQUIRE(all.size() == 1);
        CHECK(all[0].id == created.id);

        UpdateCardRequest update;
        update.label = "Travel";
        SpendingLimitsUpdate limits;
        limits.single = unset;
        limits.month = SpendingLimit{Decimal::parse("1500.50"), "GBP"};
        update.spending_limits = limits;
        update.categories = unset;
        auto updated = co_await cards.update_card(created.id, update);
        CHECK(updated.label == "Travel");
        CHECK_FALSE(updated.spending_limits->single);
        CHECK(updated.spending_limits->month->amount.to_string() == "1500.50");
        CHECK(updated.categories.empty());
        CHECK(updated.countries == std::vector<std::string>{"GB", "SG"});  // untouched
        auto reread = co_await cards.get_card(created.id);
        CHECK(reread.label == "Travel");

        co_await cards.delete_card(created.id);
        auto gone = co_await expect_api_error(cards.get_card(created.id), Errc::not_found);
        CHECK(gone.status() == 404);
        CHECK(gone.api_code() == 1214);
        co_await expect_api_error(cards.delete_card(created.id), Errc::not_found);
        auto none = co_await cards.get_all_cards();
        CHECK(none.empty());
        co_await client.close();
    });
}

TEST_CASE("cards: freeze/unfreeze and lock/unlock follow the card's state", "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto cards = client.cards();
        auto card = co_await cards.create_card(card_for(co_await owner_id(client), "States"));

        co_await cards.freeze_card(card.id);
        auto frozen = co_await cards.get_card(card.id);
        CHECK(frozen.state == CardState::frozen);
        auto twice = co_await expect_api_error(cards.freeze_card(card.id), Errc::forbidden);
        CHECK(twice.api_code() == 9002);
        co_await cards.unfreeze_card(card.id);
        auto active = co_await cards.get_card(card.id);
        CHECK(active.state == CardState::active);
        co_await expect_api_error(cards.unfreeze_card(card.id), Errc::forbidden);

        co_await cards.lock_card(card.id);
        auto locked = co_await cards.get_card(card.id);
        CHECK(locked.state == CardState::locked);
        CHECK(locked.can_be_unlocked == true);
        co_await expect_api_error(cards.lock_card(card.id), Errc::forbidden);
        co_await expect_api_error(cards.freeze_card(card.id), Errc::forbidden);
        co_await cards.unlock_card(card.id);
        auto unlocked = co_await cards.get_card(card.id);
        CHECK(unlocked.state == CardState::active);
        co_await expect_api_error(cards.unlock_card(card.id), Errc::forbidden);

        const auto unknown = Uuid::random();
        auto freeze_unknown = co_await expect_api_error(cards.freeze_card(unknown), Errc::not_found);
        CHECK(freeze_unknown.api_code() == 1214);
        auto lock_unknown = co_await expect_api_error(cards.lock_card(unknown), Errc::not_found);
        CHECK(lock_unknown.api_code() == 1214);
        co_await client.close();
    });
}

TEST_CASE("cards: a spending period starting later locks the card, unlocking removes the period",
          "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto request = card_for(co_await owner_id(client), "Later");
        const Date start{std::chrono::floor<std::chrono::days>(now()) + std::chrono::days(10)};
        request.spending_period = SpendingPeriod{start, std::nullopt, std::nullopt};
        auto card = co_await client.cards().create_card(request);
        CHECK(card.state == CardState::locked);
        CHECK(card.can_be_unlocked == true);
        REQUIRE(card.spending_period);
        CHECK(card.spending_period->start_date == start);
        co_await client.cards().unlock_card(card.id);
        auto unlocked = co_await client.cards().get_card(card.id);
        CHECK(unlocked.state == CardState::active);
        CHECK_FALSE(unlocked.spending_period);

        // A start date that is not in the future is refused by the server.
        auto past = card_for(card.holder_id.value(), "Past");
        past.spending_period = SpendingPeriod{parse_date("2020-01-01"), std::nullopt, std::nullopt};
        auto e = co_await expect_api_error(client.cards().create_card(past), Errc::bad_request);
        CHECK(e.api_code() == 2101);
        co_await client.close();
    });
}

TEST_CASE("cards: sensitive details belong to the card", "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto card = co_await client.cards().create_card(card_for(co_await owner_id(client), "Secret"));
        auto details = co_await client.cards().get_card_sensitive_details(card.id);
        CHECK(details.pan.size() == 16);
        CHECK(details.pan.ends_with(card.last_digits));
        CHECK(details.cvv.size() == 3);
        CHECK(details.expiry == card.expiry);
        co_await expect_api_error(client.cards().get_card_sensitive_details(Uuid::random()), Errc::not_found);
        co_await client.close();
    });
}

TEST_CASE("cards: company card contacts and references are replaced, team member cards refuse them",
          "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        auto cards = client.cards();
        const Uuid ann = co_await invite(client, "ann@example.com");
        const Uuid bob = co_await invite(client, "bob@example.com");
        CreateCardRequest company;
        company.contact_ids = {ann};
        company.label = "Engagement team";
        company.references = {{"PNR", "RT12345"}};
        auto card = co_await cards.create_card(company);
        CHECK_FALSE(card.holder_id);
        CHECK(card.contact_ids == std::vector<Uuid>{ann});
        CHECK(card.references == std::vector<CardReference>{{"PNR", "RT12345"}});

        std::vector<Uuid> both{bob, ann};
        auto contacts = co_await cards.update_card_contacts(card.id, both);
        CHECK(contacts == both);
        auto with_contacts = co_await cards.get_card(card.id);
        CHECK(with_contacts.contact_ids == both);
        std::vector<Uuid> stranger{Uuid::random()};
        auto unknown = co_await expect_api_error(cards.update_card_contacts(card.id, stranger), Errc::bad_request);
        CHECK(unknown.api_code() == 2101);

        std::vector<CardReference> refs{{"Budget", "Engagement"}, {"Department", "Business"}};
        auto replaced = co_await cards.update_card_references(card.id, refs);
        CHECK(replaced == refs);
        auto reread = co_await cards.get_card(card.id);
        CHECK(reread.references == refs);
        const std::vector<CardReference> no_references;
        auto cleared = co_await cards.update_card_references(card.id, no_references);
        CHECK(cleared.empty());
        auto after_clear = co_await cards.get_card(card.id);
        CHECK(after_clear.references.empty());

        auto personal = co_await cards.create_card(card_for(ann, "Ann"));
        auto no_contacts = co_await expect_api_error(cards.update_card_contacts(personal.id, both),
                                                     Errc::unprocessable_entity);
        CHECK(no_contacts.api_code() == 33011);
        auto no_refs = co_await expect_api_error(cards.update_card_references(personal.id, refs),
                                                 Errc::unprocessable_entity);
        CHECK(no_refs.api_code() == 33012);
        co_await client.close();
    });
}

TEST_CASE("cards: references may change ten times", "[integration][cards]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        AsyncClient client(ioc.get_executor(), revolut::test::production_options_for(server));
        co_await client.open();
        CreateCardRequest auto_issued;
        auto_issued.product_code = "MBJ";
        auto card = co_await client.cards().create_card(auto_issued);
        REQUIRE(card.product);
        CHECK(card.product->code == "MBJ");
        for (int i = 0; i < 10; ++i) {
            std::vector<CardReference> refs{{"Trip", std::to_string(i)}};
            co_await client.cards().update_card_references(card.id, refs);
        }
        std::vector<CardReference> eleventh{{"Trip", "11"}};
        auto e = co_await expect_api_error(client.cards().update_card_references(card.id, eleventh),
                                           Errc::unprocessable_entity);
        CHECK(e.api_code() == 3549);
        co_await client.close();
    });
}
